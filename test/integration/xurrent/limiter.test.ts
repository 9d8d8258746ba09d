import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.js';
import { RateLimitedError } from '../../../src/errors.js';
import { createRedisLimiter, type LimiterSettings } from '../../../src/xurrent/limiter.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await deleteKeys(prefix);
});
afterAll(() => redis.disconnect());

const settings: LimiterSettings = { burstLimit: 10, burstWindowMs: 500, requestReserve: 5, costReserve: 50 };

function limiters(count: number, overrides: Partial<LimiterSettings> = {}, now?: () => number) {
  const prefix = uniquePrefix('limiter');
  prefixes.push(prefix);
  return Array.from({ length: count }, () =>
    createRedisLimiter({
      redis,
      prefix,
      key: 'token-a',
      settings: { ...settings, ...overrides },
      maxWaitMs: 1_000,
      ...(now ? { now } : {}),
    }),
  );
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('shared Redis limiter', () => {
  it('lets no more than the burst limit start in any window, across instances', async () => {
    const shared = limiters(3);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 36 }, async (_, i) => {
        await shared[i % 3]?.acquire();
        starts.push(Date.now());
      }),
    );
    expect(starts).toHaveLength(36);
    // 36 starts at 10 per 500 ms need at least three full windows after the first burst.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(1_400);
    // Starts are stamped locally after Redis granted them; 20 ms of slack absorbs that delay.
    expect(maxInWindow(starts, 480)).toBeLessThanOrEqual(10);
  });

  it('pauses (RateLimitedError) when Xurrent reports the hourly budget down to the reserve', async () => {
    const [a, b] = limiters(2);
    const resetAt = Math.floor(Date.now() / 1000) + 120;
    await a?.record({ requests: { limit: 3600, remaining: 5, resetAt } });
    const error = await b?.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(115_000);
  });

  it('pauses on the cost budget too, and not while budgets are above the reserve', async () => {
    const [a] = limiters(1);
    const resetAt = Math.floor(Date.now() / 1000) + 60;
    await a?.record({ requests: { limit: 3600, remaining: 3000, resetAt }, cost: { limit: 5000, remaining: 4000, resetAt, lastCost: 2 } });
    await expect(a?.acquire()).resolves.toBeUndefined();
    await a?.record({ cost: { limit: 5000, remaining: 40, resetAt, lastCost: 2 } });
    await expect(a?.acquire()).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('stores budget figures far from the reserves at most once a second, but at once near a reserve or in a new window', async () => {
    const clock = createManualClock(Date.now());
    const [a] = limiters(1, {}, () => clock.now());
    const prefix = prefixes[prefixes.length - 1] ?? '';
    const stored = async () => Number(await redis.hget(`${prefix}:xurrent-limiter:token-a:budget`, 'reqRemaining'));
    const resetAt = Math.floor(Date.now() / 1000) + 600;
    await a?.record({ requests: { limit: 3600, remaining: 3000, resetAt } });
    await a?.record({ requests: { limit: 3600, remaining: 2999, resetAt } });
    expect(await stored()).toBe(3000);
    await a?.record({ requests: { limit: 3600, remaining: 3599, resetAt: resetAt + 3600 } });
    expect(await stored()).toBe(3599);
    await a?.record({ requests: { limit: 3600, remaining: 10, resetAt: resetAt + 3600 } });
    expect(await stored()).toBe(10);
    clock.set(clock.now() + 1_050);
    await a?.record({ requests: { limit: 3600, remaining: 3000, resetAt: resetAt + 3600 } });
    expect(await stored()).toBe(3000);
  });

  it('a Retry-After seen by one process blocks the token for the others', async () => {
    const [a, b] = limiters(2);
    await a?.block(30_000);
    await expect(b?.acquire()).rejects.toMatchObject({ name: 'RateLimitedError' });
    const [c] = limiters(1);
    await c?.block(200);
    const started = Date.now();
    await c?.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
