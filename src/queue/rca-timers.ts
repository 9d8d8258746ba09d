import type { RcaFollowUpJob } from '../../schema/problem-jobs.js';
import type { Clock } from '../clock.js';
import type { OpenQueues } from './jobs.js';

export interface RcaTimers {
  /** Schedules the timer of one stage of a problem's RCA follow-up at `fireAtMs` (epoch ms). */
  schedule(data: RcaFollowUpJob): Promise<void>;
}

/**
 * RCA timers as delayed jobs whose id names the problem, stage and instant, so scheduling the same
 * timer twice adds it once. A stale timer (the target moved) is harmless: when it fires, the
 * follow-up re-reads the problem and schedules the right instant.
 */
export function createRcaTimers({ queues, clock }: { queues: Pick<OpenQueues, 'enqueue'>; clock: Clock }): RcaTimers {
  return {
    async schedule(data) {
      await queues.enqueue.rcaFollowUp(data, { delay: Math.max(0, data.fireAtMs - clock.now()) });
    },
  };
}
