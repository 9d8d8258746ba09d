import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyedLocks } from '../../src/redis/request-lock.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait-for.js';

describe('keyed locks on Redis', () => {
  const prefix = uniquePrefix('lock');
  const a = new Redis(TEST_REDIS_URL);
  const b = new Redis(TEST_REDIS_URL);

  afterAll(async () => {
    a.disconnect();
    b.disconnect();
    await deleteKeys(prefix);
  });

  it('lets one holder in per key across connections, and the next in after release', async () => {
    const first = createKeyedLocks(a, { prefix, ttlMs: 5_000 });
    const second = createKeyedLocks(b, { prefix, ttlMs: 5_000 });
    const held = await first.tryAcquire('request-1');
    expect(held).toBeDefined();
    expect(await second.tryAcquire('request-1')).toBeUndefined();
    expect(await second.tryAcquire('request-2')).toBeDefined();
    await held?.release();
    expect(await second.tryAcquire('request-1')).toBeDefined();
  });

  it('expires a crashed holder, and the old holder can neither extend nor release the new lock', async () => {
    const locks = createKeyedLocks(a, { prefix, ttlMs: 80 });
    const old = await locks.tryAcquire('request-3');
    // Taken as soon as the 80 ms expiry lets it (polling, not a fixed sleep).
    const fresh = await waitFor(
      () => createKeyedLocks(b, { prefix, ttlMs: 5_000 }).tryAcquire('request-3'),
      'the expired lock to be free',
      2_000,
    );
    expect(await old?.extend()).toBe(false);
    await old?.release();
    expect(await locks.tryAcquire('request-3')).toBeUndefined();
    expect(await fresh?.extend()).toBe(true);
  });

  it('gives exactly one of many concurrent contenders the lock', async () => {
    const locks = createKeyedLocks(a, { prefix, ttlMs: 5_000 });
    const results = await Promise.all(Array.from({ length: 50 }, () => locks.tryAcquire('request-4')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps a heartbeat lock for as long as its holder works, and frees it within the expiry once the holder is gone', async () => {
    const c = new Redis(TEST_REDIS_URL);
    // 400 ms (a beat every 133 ms): short, yet a loaded machine's event-loop stalls do not miss the expiry.
    const held = await createKeyedLocks(c, { prefix, ttlMs: 400, heartbeat: true }).tryAcquire('request-5');
    const other = createKeyedLocks(b, { prefix, ttlMs: 5_000 });
    await sleep(1_300); // more than three expiries: only the heartbeat keeps it
    expect(held).toBeDefined();
    expect(await other.tryAcquire('request-5')).toBeUndefined();
    await held?.release();
    const next = await other.tryAcquire('request-5');
    expect(next).toBeDefined();
    await next?.release();

    // A holder that dies (its connection gone, as with SIGKILL) stops beating: the key is free after ttlMs.
    const dying = await createKeyedLocks(c, { prefix, ttlMs: 400, heartbeat: true }).tryAcquire('request-6');
    expect(dying).toBeDefined();
    c.disconnect();
    expect(await other.tryAcquire('request-6')).toBeUndefined();
    await waitFor(() => other.tryAcquire('request-6'), "the dead holder's lock to expire", 2_000);
    await dying?.release().catch(() => undefined);
  });
});
