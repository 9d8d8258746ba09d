import type { Job, Queue } from 'bullmq';
import { SlaTimerJobSchema } from '../schema/jobs.js';
import { PayloadError } from '../src/errors.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';

/** A request's wake-up is due: its reconcile decides what, if anything, it means now. */
export function createSlaTimerProcessor({ requests }: { requests: Queue }) {
  return async function processSlaTimer(job: Job): Promise<void> {
    const parsed = SlaTimerJobSchema.safeParse(job.data);
    if (!parsed.success) throw new PayloadError(`Bad timer data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    await enqueueReconcile(requests, { requestNodeId: parsed.data.requestNodeId, reason: 'sla-timer' });
  };
}
