import type { SlaTimerJob } from '../../schema/jobs.js';
import type { Clock } from '../clock.js';
import { JOBS, type OpenQueues } from './jobs.js';

export interface SlaTimerDeps {
  queues: Pick<OpenQueues, 'enqueue' | 'slaTimers'>;
  clock: Clock;
}

/**
 * A request's wake-up as one delayed job: the earliest instant its reconcile has something to
 * decide (an SLA warning, breach or level-2 threshold, a registration reminder). That reconcile
 * schedules the next one, so one job per request suffices, which keeps an open clock small in
 * Redis. The job id names the request and instant, and the request's saved workflow state
 * remembers the instant, so the timer being replaced is found without an index.
 */
export function createSlaTimers({ queues, clock }: SlaTimerDeps) {
  const jobIdOf = (requestNodeId: string, fireAtMs: number) => JOBS.slaTimer.jobId({ requestNodeId, fireAtMs });
  return {
    /**
     * Replaces the wake-up at `previousAtMs` (what the saved state remembers; undefined when it
     * remembers none) by one at `fireAtMs`; null leaves none. The same instant again adds
     * nothing: a timer that already fired is not set off a second time.
     */
    async reschedule(requestNodeId: string, previousAtMs: number | null | undefined, fireAtMs: number | null): Promise<void> {
      if (previousAtMs === fireAtMs) return;
      // A timer already running cannot be removed; that is harmless, its reconcile re-reads the state.
      if (typeof previousAtMs === 'number') await queues.slaTimers.remove(jobIdOf(requestNodeId, previousAtMs)).catch(() => undefined);
      if (fireAtMs === null) return;
      const data: SlaTimerJob = { requestNodeId, fireAtMs };
      await queues.enqueue.slaTimer(data, { delay: Math.max(0, fireAtMs - clock.now()) });
    },
  };
}
export type SlaTimers = ReturnType<typeof createSlaTimers>;
