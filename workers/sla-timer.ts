import type { Job } from 'bullmq';
import { JOBS, type OpenQueues } from '../src/queue/jobs.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';

/** A request's wake-up is due: its reconcile decides what, if anything, it means now. */
export function createSlaTimerProcessor({ queues }: { queues: Pick<OpenQueues, 'enqueue' | 'requests'> }) {
  return async function processSlaTimer(job: Job): Promise<void> {
    const { requestNodeId } = JOBS.slaTimer.parse(job);
    await enqueueReconcile(queues, { requestNodeId, reason: 'sla-timer' });
  };
}
