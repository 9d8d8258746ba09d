import { describe, expect, it } from 'vitest';
import { waitUntilIdle, type QueueProbe } from '../../../../src/scenario/wait-idle.js';

/** A queue whose counts follow a script, one entry per read (the last one repeats). */
function scriptedQueue(
  name: string,
  script: Record<string, number>[],
  delayed: { timestamp: number; delay: number }[] = [],
): QueueProbe & { reads: number } {
  const queue = {
    name,
    reads: 0,
    getJobCounts: async () => script[Math.min(queue.reads++, script.length - 1)] ?? {},
    getDelayed: async () => delayed,
  };
  return queue;
}

describe('waitUntilIdle', () => {
  it('waits until the work queues have been empty for two reads in a row', async () => {
    const events = scriptedQueue('xurrent-events', [{ waiting: 1 }, {}, { active: 1 }, {}, {}]);
    const timers = scriptedQueue('sla-timers', [{}]);
    await waitUntilIdle({ webhooksIdle: async () => undefined, work: [events], timers, pollMs: 1 });
    expect(events.reads).toBe(5);
  });

  it('ignores virtual delayed timers but waits for one due in real time, and names what is busy on timeout', async () => {
    const now = 1_000_000;
    const idleTimers = scriptedQueue('sla-timers', [{}], [{ timestamp: now, delay: 3_600_000 }]);
    await expect(
      waitUntilIdle({ webhooksIdle: async () => undefined, work: [], timers: idleTimers, pollMs: 1, realNow: () => now }),
    ).resolves.toBeUndefined();

    const dueTimers = scriptedQueue('sla-timers', [{}], [{ timestamp: now - 10, delay: 5 }]);
    const retrying = scriptedQueue('xurrent-requests', [{ delayed: 1 }]);
    await expect(
      waitUntilIdle({
        webhooksIdle: async () => undefined,
        work: [retrying],
        timers: dueTimers,
        pollMs: 1,
        timeoutMs: 30,
        realNow: () => now,
      }),
    ).rejects.toThrow(/did not become idle within 30 ms \(xurrent-requests: 1 delayed; sla-timers: 1 delayed due in real time\)/);
  });
});
