import type { JobData, OpenQueues } from '../src/queue/jobs.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { JobContext } from './job-context.js';

/** A request's wake-up is due: its reconcile decides what, if anything, it means now. */
export function createSlaTimerProcessor({ queues }: { queues: Pick<OpenQueues, 'enqueue' | 'requests'> }) {
  return async function processSlaTimer(data: JobData<'slaTimer'>, _ctx: JobContext): Promise<void> {
    const { requestNodeId } = data;
    await enqueueReconcile(queues, { requestNodeId, reason: 'sla-timer' });
  };
}
