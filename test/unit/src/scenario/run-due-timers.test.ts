import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/clock.js';
import { runDueTimers, type TimerJob } from '../../../../src/scenario/run-due-timers.js';

const T0 = Date.parse('2026-03-27T15:00:00Z');
const MIN = 60_000;

/** A fake delayed set: promoting removes the job and runs `onRun` as the worker would. */
function fakeTimers(onRun: (fireAtMs: number, add: (fireAtMs: number) => void) => void = () => undefined) {
  const delayed = new Map<string, TimerJob>();
  const ran: { fireAtMs: number; clockAt: number }[] = [];
  let lastPromoted: number | undefined;
  const add = (fireAtMs: number) => {
    const id = `t-${fireAtMs}`;
    delayed.set(id, {
      id,
      data: { requestNodeId: 'r', target: 'resolution', fireAtMs },
      promote: async () => void (delayed.delete(id), (lastPromoted = fireAtMs)),
    });
  };
  return { delayed, ran, add, lastPromoted: () => lastPromoted, onRun, list: async () => [...delayed.values()] };
}

describe('runDueTimers', () => {
  it('runs due timers in order of their instants, each with the clock at its own instant, and stops at the step', async () => {
    const clock = createManualClock(T0);
    const timers = fakeTimers();
    for (const m of [45, 15, 90, 30]) timers.add(T0 + m * MIN);
    timers.delayed.set('junk', { id: 'junk', data: { nope: true }, promote: async () => expect.unreachable('junk promoted') });
    const ran = await runDueTimers(
      {
        clock,
        delayedTimers: timers.list,
        waitUntilIdle: async () => void timers.ran.push({ fireAtMs: timers.lastPromoted() ?? 0, clockAt: clock.now() }),
      },
      T0 + 60 * MIN,
    );
    expect(ran).toBe(3);
    expect(timers.ran.map((r) => (r.fireAtMs - T0) / MIN)).toEqual([15, 30, 45]);
    expect(timers.ran.every((r) => r.clockAt === r.fireAtMs)).toBe(true);
    expect([...timers.delayed.keys()]).toEqual([`t-${T0 + 90 * MIN}`, 'junk']);
  });

  it('picks up a timer scheduled by a run when it is due too, and runs a past one at the current instant', async () => {
    const clock = createManualClock(T0 + 10 * MIN);
    const timers = fakeTimers();
    timers.add(T0 + 5 * MIN);
    const seen: number[] = [];
    await runDueTimers(
      {
        clock,
        delayedTimers: timers.list,
        waitUntilIdle: async () => {
          seen.push(clock.now());
          if (seen.length === 1) timers.add(T0 + 20 * MIN);
        },
      },
      T0 + 30 * MIN,
    );
    expect(seen.map((ms) => (ms - T0) / MIN)).toEqual([10, 20]);
  });

  it('skips a job the worker replaced meanwhile, and fails loudly on runaway timers', async () => {
    const clock = createManualClock(T0);
    let reads = 0;
    const gone: TimerJob = {
      id: 'gone',
      data: { requestNodeId: 'r', target: 'response', fireAtMs: T0 },
      promote: async () => Promise.reject(new Error('Job gone is not in the delayed state. promote')),
    };
    await expect(
      runDueTimers({ clock, delayedTimers: async () => (reads++ === 0 ? [gone] : []), waitUntilIdle: async () => undefined }, T0),
    ).resolves.toBe(0);

    const forever: TimerJob = {
      id: 'again',
      data: { requestNodeId: 'r', target: 'response', fireAtMs: T0 },
      promote: async () => undefined,
    };
    await expect(
      runDueTimers({ clock, delayedTimers: async () => [forever], waitUntilIdle: async () => undefined }, T0, 5),
    ).rejects.toThrow(/more than 5 SLA timers/);
  });
});
