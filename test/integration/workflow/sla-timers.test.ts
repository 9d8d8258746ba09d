import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.js';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { createSlaTimers } from '../../../src/queue/sla-timers.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

describe('SLA timers', () => {
  const prefix = uniquePrefix('timers');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAMES.slaTimers, { connection: redis, prefix });
  const clock = createManualClock(Date.UTC(2026, 2, 27, 15));
  const timers = createSlaTimers({ queue, redis, prefix, clock });
  const delayed = async () => (await queue.getDelayed()).map((j) => ({ target: j.data.target, fireAtMs: j.data.fireAtMs, delay: j.delay }));

  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await deleteKeys(prefix);
  });

  it('keeps one pending timer per request and target, delayed from the injected clock', async () => {
    const at = clock.now() + 45 * 60_000;
    await timers.schedule('REQ-1', 'response', at);
    await timers.schedule('REQ-1', 'response', at);
    await timers.schedule('REQ-1', 'resolution', at + 3_600_000);
    expect(await delayed()).toEqual(
      expect.arrayContaining([
        { target: 'response', fireAtMs: at, delay: 45 * 60_000 },
        { target: 'resolution', fireAtMs: at + 3_600_000, delay: 45 * 60_000 + 3_600_000 },
      ]),
    );
    expect(await delayed()).toHaveLength(2);
  });

  it('replaces a timer on reschedule and removes it on pause', async () => {
    const later = clock.now() + 2 * 3_600_000;
    await timers.schedule('REQ-1', 'response', later);
    expect((await delayed()).filter((t) => t.target === 'response')).toEqual([{ target: 'response', fireAtMs: later, delay: 2 * 3_600_000 }]);
    await timers.schedule('REQ-1', 'response', null);
    await timers.schedule('REQ-1', 'resolution', null);
    expect(await delayed()).toEqual([]);
  });
});
