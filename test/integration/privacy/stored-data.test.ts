import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedis } from '../../../src/redis/connection.js';
import { urlTarget } from '../../../src/redis/redis-target.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const NOTE_TEXT = 'My phone number is 06-12345678, please call me';

/** Everything Redis holds under the prefix as text: key names and values of every type (job hashes and event streams included). */
async function dumpPrefix(redis: Redis, prefix: string): Promise<{ keys: number; text: string }> {
  const parts: string[] = [];
  let cursor = '0';
  let keys = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const key of batch) {
      keys += 1;
      parts.push(key);
      const type = await redis.type(key);
      if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(...(await redis.smembers(key)));
      else if (type === 'zset') parts.push(...(await redis.zrange(key, '0', '-1')));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
  } while (cursor !== '0');
  return { keys, text: parts.join('\n') };
}

describe('privacy: nothing personal at rest beyond Xurrent ids', () => {
  it('leaves no name, e-mail address, subject or note text of the seeded people in Redis keys, job payloads or logs', async () => {
    const capture = createLogCapture('debug');
    let stored = { keys: 0, text: '' };
    let people: { name: string; primaryEmail: string }[] = [];
    await runScenario(
      {
        config: { ESCALATION_L1_PERSON_ID: 'Sam Support Manager', ESCALATION_L2_PERSON_ID: 'Casey CTO', RESYNC_INTERVAL: 'PT5M' },
        steps: [
          {
            at: '2026-03-27T15:00:00Z',
            create: { ref: 'r1', impact: 'top', subject: 'Mail down for Chris Customer (chris@customer.example)', serviceInstance: 'Mail' },
          },
          { at: '2026-03-27T15:05:00Z', note: { ref: 'r1', text: NOTE_TEXT } },
          { at: '2026-03-27T15:10:00Z', update: { ref: 'r1', impact: 'high' } },
          { at: '2026-03-27T15:20:00Z', restart: true },
          { at: '2026-03-27T16:30:00Z' },
        ],
      },
      {
        redisUrl: TEST_REDIS_URL,
        logger: capture.logger,
        onFinish: async ({ redisUrl, prefix, sim }) => {
          people = [...sim.store.people.values()];
          const redis = createRedis(urlTarget(redisUrl), 'worker', 'xsw-test');
          stored = await dumpPrefix(redis, prefix);
          redis.disconnect();
        },
      },
    );

    // Not vacuous: the run stored jobs, state and logs, and the people include the scenario's.
    expect(stored.keys).toBeGreaterThan(10);
    expect(stored.text).toContain('requestNodeId');
    expect(capture.lines().length).toBeGreaterThan(20);
    const names = people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Chris Customer', 'Dana Agent', 'Sam Support Manager', 'Casey CTO']));

    const logs = capture.text();
    const secrets = [...people.flatMap((p) => [p.name, p.primaryEmail]), NOTE_TEXT, '06-12345678'];
    for (const secret of secrets) {
      expect(stored.text.toLowerCase(), `Redis holds "${secret}"`).not.toContain(secret.toLowerCase());
      expect(logs.toLowerCase(), `logs hold "${secret}"`).not.toContain(secret.toLowerCase());
    }
  }, 30_000);
});
