import type { Queue } from 'bullmq';
import type { RcaFollowUpJob } from '../../schema/problem-jobs.js';
import type { Clock } from '../clock.js';
import { JOB_NAMES } from './names.js';
import { toJobId } from './producer.js';

export interface RcaTimers {
  /** Schedules the timer of one stage of a problem's RCA follow-up at `fireAtMs` (epoch ms). */
  schedule(data: RcaFollowUpJob): Promise<void>;
}

/**
 * RCA timers as delayed jobs whose id names the problem, stage and instant, so scheduling the same
 * timer twice adds it once. A stale timer (the target moved) is harmless: when it fires, the
 * follow-up re-reads the problem and schedules the right instant.
 */
export function createRcaTimers({ queue, clock }: { queue: Queue; clock: Clock }): RcaTimers {
  return {
    async schedule(data) {
      const jobId = toJobId('rca', `${data.problemNodeId}-${data.stage}-${data.fireAtMs}`);
      await queue.add(JOB_NAMES.rcaFollowUp, data, { jobId, delay: Math.max(0, data.fireAtMs - clock.now()), removeOnComplete: { age: 86_400 }, removeOnFail: { count: 1_000 } });
    },
  };
}
