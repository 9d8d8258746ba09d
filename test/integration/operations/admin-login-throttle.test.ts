import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisLoginThrottle, loginFailuresKey } from '../../../src/http/login-throttle-redis.js';
import { ADMIN_TOKEN, startWebOnly } from '../../helpers/ops-service.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const prefixes: string[] = [];
const fresh = (label: string) => {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return prefix;
};
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
  redis.disconnect();
});

describe('admin login throttle on real Redis', () => {
  it('two web processes on one Redis count an address together: the limit is per address, not per process', async () => {
    const prefix = fresh('admin-throttle');
    const env = { ADMIN_LOGIN_MAX_FAILURES: '3', ADMIN_LOGIN_WINDOW_SECONDS: '60' };
    const [a, b] = [await startWebOnly(prefix, env), await startWebOnly(prefix, env)];
    try {
      // Without TRUST_PROXY a client cannot escape its count by naming another address.
      const wrong = (n: number) => ({ Authorization: 'Bearer not-the-admin-token-000', 'X-Forwarded-For': `198.51.100.${n}` });
      const get = (url: string, headers: Record<string, string>) => fetch(`${url}/metrics`, { headers });
      expect((await get(a.url, wrong(1))).status).toBe(401);
      expect((await get(b.url, wrong(2))).status).toBe(401);
      expect((await get(a.url, wrong(3))).status).toBe(401);
      for (const url of [a.url, b.url]) {
        const blocked = await get(url, { Authorization: `Bearer ${ADMIN_TOKEN}` });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(55);
        expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      }
      // One short-lived counter per address; nothing of the credential in its name or value.
      const key = loginFailuresKey(prefix, '127.0.0.1');
      expect(await redis.get(key)).toBe('3');
      expect(await redis.pttl(key)).toBeGreaterThan(55_000);
      expect(await redis.keys(`${prefix}:admin-login-failures:*`)).toEqual([key]);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 30_000);

  it('behind a trusted proxy (TRUST_PROXY=loopback), counts the client the proxy names', async () => {
    const prefix = fresh('admin-throttle-proxy');
    const service = await startWebOnly(prefix, { ADMIN_LOGIN_MAX_FAILURES: '1', TRUST_PROXY: 'loopback' });
    try {
      const get = (client: string, token: string) =>
        fetch(`${service.url}/metrics`, { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': client } });
      expect((await get('203.0.113.7', 'not-the-admin-token-000')).status).toBe(401);
      expect((await get('203.0.113.7', ADMIN_TOKEN)).status).toBe(429);
      expect((await get('198.51.100.9', ADMIN_TOKEN)).status).toBe(200);
      expect(await redis.get(loginFailuresKey(prefix, '203.0.113.7'))).toBe('1');
    } finally {
      await service.stop();
    }
  }, 30_000);

  it('lets the address in again once the block has expired in Redis', async () => {
    const prefix = fresh('admin-throttle-expiry');
    const throttle = createRedisLoginThrottle(redis, prefix, { maxFailures: 2, windowMs: 300 });
    expect(await throttle.recordFailure('203.0.113.7')).toEqual({ failures: 1, blockedForMs: 0 });
    expect(await throttle.recordFailure('203.0.113.7')).toEqual({ failures: 2, blockedForMs: 300 });
    const blocked = await throttle.blockedForMs('203.0.113.7');
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThanOrEqual(300);
    expect(await throttle.blockedForMs('198.51.100.9')).toBe(0);
    await waitFor(async () => (await throttle.blockedForMs('203.0.113.7')) === 0, 'the block to expire', 5_000);
    expect(await throttle.recordFailure('203.0.113.7')).toEqual({ failures: 1, blockedForMs: 0 });
  });

  it('gives a counter left without a TTL one, rather than blocking the address for ever', async () => {
    const prefix = fresh('admin-throttle-ttl');
    await redis.set(loginFailuresKey(prefix, '203.0.113.7'), '5');
    const throttle = createRedisLoginThrottle(redis, prefix, { maxFailures: 2, windowMs: 60_000 });
    expect(await throttle.blockedForMs('203.0.113.7')).toBe(0);
    expect(await throttle.recordFailure('203.0.113.7')).toEqual({ failures: 6, blockedForMs: 60_000 });
    expect(await redis.pttl(loginFailuresKey(prefix, '203.0.113.7'))).toBeGreaterThan(59_000);
  });
});
