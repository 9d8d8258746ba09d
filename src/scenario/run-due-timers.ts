import { z } from 'zod';
import type { ManualClock } from '../clock.js';

/** What every virtual timer carries (SLA timers and RCA follow-ups alike): the instant it is meant for. */
const TimerDataSchema = z.looseObject({ fireAtMs: z.number().int() });

/** A delayed timer job as the event loop sees it (a BullMQ Job, or a fake in tests). */
export interface TimerJob {
  id?: string | undefined;
  data: unknown;
  promote(): Promise<void>;
}

export interface TimerDeps {
  clock: ManualClock;
  /** The delayed jobs of the timer queues (`sla-timers`, `rca-follow-up`). */
  delayedTimers(): Promise<TimerJob[]>;
  waitUntilIdle(): Promise<void>;
}

/** The delayed timer due first at or before `untilMs`, by its virtual instant (ties by job id). */
async function nextDueTimer(deps: TimerDeps, untilMs: number): Promise<{ job: TimerJob; fireAtMs: number } | undefined> {
  const due = (await deps.delayedTimers())
    .map((job) => ({ job, parsed: TimerDataSchema.safeParse(job.data) }))
    .flatMap(({ job, parsed }) => (parsed.success && parsed.data.fireAtMs <= untilMs ? [{ job, fireAtMs: parsed.data.fireAtMs }] : []))
    .sort((a, b) => a.fireAtMs - b.fireAtMs || String(a.job.id).localeCompare(String(b.job.id)));
  return due[0];
}

/**
 * The discrete-event step: runs, one at a time and in the order of their virtual instants, every
 * SLA timer due at or before `untilMs`, with the clock set to each timer's own instant, waiting
 * for the pipeline to settle after each (a timer's reconcile may schedule the next timer, which
 * this loop then picks up if it is due too). Returns how many timers ran.
 */
export async function runDueTimers(deps: TimerDeps, untilMs: number, maxTimers = 1_000): Promise<number> {
  let ran = 0;
  for (let next = await nextDueTimer(deps, untilMs); next; next = await nextDueTimer(deps, untilMs)) {
    // A worker that keeps scheduling timers in the past would otherwise spin here for ever.
    if (ran >= maxTimers)
      throw new Error(`more than ${maxTimers} SLA timers fell due before ${new Date(untilMs).toISOString()}: runaway timers?`);
    // A timer scheduled for an instant already passed runs now: virtual time never goes back.
    deps.clock.set(Math.max(deps.clock.now(), next.fireAtMs));
    try {
      await next.job.promote();
      ran += 1;
    } catch (error) {
      // The worker replaced or removed the job since it was read; the next read sees the new one.
      if (!(error instanceof Error) || !/not in the delayed state|Missing key/i.test(error.message)) throw error;
    }
    await deps.waitUntilIdle();
  }
  return ran;
}
