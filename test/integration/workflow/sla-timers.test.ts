import { openQueues } from '../../../src/queue/jobs.js';
import type { SlaTimerJob } from '../../../schema/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.js';
import { createSlaTimers } from '../../../src/queue/sla-timers.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

describe('SLA timers', () => {
  const prefix = uniquePrefix('timers');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const queue = queues.slaTimers;
  const clock = createManualClock(Date.UTC(2026, 2, 27, 15));
  const timers = createSlaTimers({ queues, clock });
  const delayed = async () =>
    (await queue.getDelayed()).map((j) => {
      const data = j.data as SlaTimerJob;
      return { requestNodeId: data.requestNodeId, fireAtMs: data.fireAtMs, delay: j.delay };
    });

  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await deleteKeys(prefix);
  });

  it('keeps one pending wake-up per request, delayed from the injected clock', async () => {
    const at = clock.now() + 45 * 60_000;
    await timers.reschedule('REQ-1', undefined, at);
    await timers.reschedule('REQ-1', at, at);
    await timers.reschedule('REQ-2', undefined, at + 3_600_000);
    expect(await delayed()).toEqual(
      expect.arrayContaining([
        { requestNodeId: 'REQ-1', fireAtMs: at, delay: 45 * 60_000 },
        { requestNodeId: 'REQ-2', fireAtMs: at + 3_600_000, delay: 45 * 60_000 + 3_600_000 },
      ]),
    );
    expect(await delayed()).toHaveLength(2);
  });

  it('does not set off again a wake-up that already fired at the same instant', async () => {
    const fired = clock.now() + 10 * 60_000;
    await timers.reschedule('REQ-3', fired, fired);
    expect((await delayed()).filter((t) => t.requestNodeId === 'REQ-3')).toEqual([]);
  });

  it('replaces a wake-up on reschedule and removes it when nothing is pending', async () => {
    const later = clock.now() + 2 * 3_600_000;
    await timers.reschedule('REQ-1', clock.now() + 45 * 60_000, later);
    expect((await delayed()).filter((t) => t.requestNodeId === 'REQ-1')).toEqual([
      { requestNodeId: 'REQ-1', fireAtMs: later, delay: 2 * 3_600_000 },
    ]);
    await timers.reschedule('REQ-1', later, null);
    await timers.reschedule('REQ-2', clock.now() + 45 * 60_000 + 3_600_000, null);
    expect(await delayed()).toEqual([]);
  });
});
