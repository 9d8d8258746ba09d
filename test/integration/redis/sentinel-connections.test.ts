import { openQueues } from '../../../src/queue/jobs.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { createRedis } from '../../../src/redis/connection.js';
import type { RedisTarget } from '../../../src/redis/redis-target.js';
import { uniquePrefix } from '../../helpers/redis.js';
import { runCliCapture } from '../../helpers/run-cli.js';
import { startSentinelGroup, type SentinelGroup } from '../../helpers/sentinel-group.js';

// A primary, one replica and one Sentinel: enough for a graceful SENTINEL FAILOVER, which demotes the
// old primary while it stays up (the case a SIGKILL does not cover: its clients must move on anyway).
let group: SentinelGroup;
let target: RedisTarget;
beforeAll(async () => {
  group = await startSentinelGroup({ replicaCount: 1, sentinelCount: 1 });
  target = {
    kind: 'sentinel',
    sentinels: [{ host: '127.0.0.1', port: group.sentinels[0]!.port }],
    name: group.name,
    password: undefined,
    sentinelPassword: undefined,
  };
}, 30_000);
afterAll(async () => {
  await group?.stop();
});

const portOf = async (redis: Redis) => Number(/^tcp_port:(\d+)/m.exec(await redis.info('server'))?.[1]);

describe('connections made from a Sentinel target', () => {
  it('write to the primary the Sentinels name, and follow it when the old one is demoted but stays up', { timeout: 30_000 }, async () => {
    const redis = createRedis(target, 'worker', 'test-follow');
    redis.on('error', () => undefined);
    const key = `${uniquePrefix('sentinel')}:counter`;
    try {
      expect(await portOf(redis)).toBe(group.primary.port);
      let writing = true;
      let failed = 0;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await redis.incr(key).then(
            () => (written += 1),
            () => (failed += 1),
          );
          await sleep(5);
        }
      })();
      await sleep(200);
      const sentinel = new Redis(group.sentinels[0]!.url);
      await sentinel.call('SENTINEL', 'FAILOVER', group.name);
      sentinel.disconnect();
      const promotionMs = await group.waitForPromotion(group.primary.port, 20_000);
      const promotedAt = Date.now();
      const newPort = group.replicas[0]!.port;
      // The old primary is alive (now a replica): the connection must still end up on the new one.
      for (let i = 0; i < 100 && (await portOf(redis)) !== newPort; i += 1) await sleep(100);
      process.stdout.write(
        `sentinel failover (graceful): promoted after ${promotionMs} ms; connection on the new primary ${Date.now() - promotedAt} ms later\n`,
      );
      const movedMs = Date.now() - promotedAt;
      const afterMs = Date.now();
      while (Date.now() - afterMs < 300) await sleep(50);
      writing = false;
      await writer;
      expect(await portOf(redis)).toBe(newPort);
      expect(((await redis.call('ROLE')) as unknown[])[0]).toBe('master');
      // Moved on +switch-master, not ~10 s later when Sentinel converts the old primary into a replica.
      expect(movedMs).toBeLessThan(2_000);
      // The worker role waits out the switch: no write was refused (READONLY reconnects and resends).
      expect(failed).toBe(0);
      expect(written).toBeGreaterThan(0);
      expect(Number(await redis.get(key))).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('share one +switch-master watch per Sentinel, closed with the last connection (so a CLI run can exit)', async () => {
    const sentinel = new Redis(group.sentinels[0]!.url);
    const watching = async () =>
      ((await sentinel.call('CLIENT', 'LIST')) as string).split('\n').filter((line) => line.includes('name=xsw-sentinel-watch')).length;
    try {
      const first = createRedis(target, 'worker', 'test-watch-1');
      const second = createRedis(target, 'cli', 'test-watch-2');
      const blocking = first.duplicate();
      await Promise.all([first.ping(), second.ping(), blocking.ping()]);
      for (let i = 0; i < 50 && (await watching()) !== 1; i += 1) await sleep(20);
      expect(await watching()).toBe(1);
      first.disconnect();
      second.disconnect();
      await sleep(100);
      expect(await watching()).toBe(1); // the duplicate still needs it
      blocking.disconnect();
      for (let i = 0; i < 50 && (await watching()) !== 0; i += 1) await sleep(20);
      expect(await watching()).toBe(0);
    } finally {
      sentinel.disconnect();
    }
  });

  it('reach the CLI through REDIS_SENTINELS', async () => {
    const prefix = uniquePrefix('sentinel-cli');
    const redis = createRedis(target, 'worker', 'test-cli-setup');
    const queue = openQueues(redis, prefix).named(QUEUE_NAMES.events);
    try {
      await queue.add('job', { requestNodeId: 'r1' });
      const { code, out } = await runCliCapture(['jobs', 'stats', '--queue', QUEUE_NAMES.events, '--format', 'json'], {
        REDIS_SENTINELS: `127.0.0.1:${group.sentinels[0]!.port}`,
        REDIS_SENTINEL_NAME: group.name,
        QUEUE_PREFIX: prefix,
      });
      expect(code).toBe(0);
      expect(out).toMatch(/"waiting":1/);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
});
