/**
 * Issue 18 (12): BullMQ needs a Redis that never evicts keys. In production a Redis with another
 * maxmemory-policy stops the start with a clear error; outside production it stays a warning.
 * Runs against its own redis-server, started with allkeys-lru.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvictionPolicy, EvictionPolicyError } from '../../../src/redis/check-eviction-policy.js';
import { findFreePort } from '../../../src/redis/probe.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { spawnEntrypoint } from '../../helpers/spawn-service.js';
import { waitFor } from '../../helpers/wait-for.js';

let dir: string;
let lru: RedisServer;
let noConfig: RedisServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xsw-eviction-'));
  lru = await startRedisServer(await findFreePort(), join(dir), { persistence: false, args: ['--maxmemory-policy', 'allkeys-lru'] });
  // A managed-service look-alike: CONFIG is disabled, INFO still answers.
  noConfig = await startRedisServer(await findFreePort(), join(dir), {
    persistence: false,
    args: ['--maxmemory-policy', 'volatile-lru', '--rename-command', 'CONFIG', ''],
  });
}, 30_000);

afterAll(async () => {
  await lru?.stop();
  await noConfig?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the eviction-policy check on a Redis that may evict', () => {
  it('throws a clear error when refusing (production), and only warns otherwise', async () => {
    const client = new Redis(lru.url, { maxRetriesPerRequest: 1 });
    try {
      const error = await checkEvictionPolicy(client, createLogCapture().logger, { refuse: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EvictionPolicyError);
      expect((error as Error).message).toMatch(/^Redis maxmemory-policy is allkeys-lru, not noeviction: .*Set maxmemory-policy noeviction/);
      const log = createLogCapture();
      expect(await checkEvictionPolicy(client, log.logger)).toBe('allkeys-lru');
      expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn', policy: 'allkeys-lru' })]);
    } finally {
      client.disconnect();
    }
  });

  it('still reads the policy from INFO when CONFIG is disabled', async () => {
    const client = new Redis(noConfig.url, { maxRetriesPerRequest: 1 });
    try {
      await expect(client.config('GET', 'maxmemory-policy')).rejects.toThrow(/unknown command/i);
      await expect(checkEvictionPolicy(client, createLogCapture().logger, { refuse: true })).rejects.toThrow(
        /volatile-lru, not noeviction/,
      );
    } finally {
      client.disconnect();
    }
  });
});

describe('a real service process on that Redis', () => {
  const start = (env: Record<string, string>) =>
    spawnEntrypoint('src/main-web.ts', {
      REDIS_URL: lru.url,
      HOST: '127.0.0.1',
      PORT: '0',
      QUEUE_PREFIX: uniquePrefix('eviction'),
      LOG_LEVEL: 'info',
      ...env,
    });

  it('does not start in production: exit 1 with the error, never listening', { timeout: 60_000 }, async () => {
    const running = start({
      NODE_ENV: 'production',
      XURRENT_ACCOUNT: 'wdc',
      XURRENT_TOKEN: 'not-used-by-the-web-role',
      XURRENT_WEBHOOK_JWKS: 'discover',
      XURRENT_WEBHOOK_AUDIENCE: 'support-worker',
    });
    const stopped = setTimeout(() => running.child.kill('SIGKILL'), 30_000);
    const { code } = await running.exited.finally(() => clearTimeout(stopped));
    const logs = running.stdout() + running.stderr();
    expect(code).toBe(1);
    const lines = logs
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l['message'] === 'could not start')).toMatchObject({
      level: 'error',
      error: expect.stringMatching(/^Redis maxmemory-policy is allkeys-lru, not noeviction/),
    });
    expect(lines.map((l) => l['message'])).not.toContain('listening');
  });

  it('starts outside production, with a warning', { timeout: 60_000 }, async () => {
    const prefix = uniquePrefix('eviction');
    const running = start({ NODE_ENV: 'development', QUEUE_PREFIX: prefix });
    try {
      await waitFor(() => running.stdout().includes('"message":"ready"'), `ready (${running.stdout()}${running.stderr()})`, 30_000);
      const lines = running
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          policy: 'allkeys-lru',
          message: expect.stringMatching(/maxmemory-policy is not noeviction/),
        }),
      );
      running.child.kill('SIGTERM');
      expect((await running.exited).code).toBe(0);
    } finally {
      running.child.kill('SIGKILL');
      await deleteKeys(prefix, lru.url);
    }
  });
});
