import type { ReconcileRequestJob } from '../../schema/jobs.js';
import type { OpenQueues } from './jobs.js';

/**
 * One reconcile per request at a time: while a job for the request waits, new events are absorbed
 * by it (it will read the latest state anyway); while one runs, one more is kept to run after it,
 * so a change made during a run is never missed (BullMQ deduplication, keepLastIfActive).
 * `priority` (the sweep's) puts the job behind every unprioritised (webhook) job: BullMQ takes
 * jobs without a priority first. An event absorbed by such a waiting sweep job lifts it to the
 * front, so webhook work never waits behind a sweep.
 */
export async function enqueueReconcile(
  queues: Pick<OpenQueues, 'enqueue' | 'requests'>,
  data: ReconcileRequestJob,
  options: { priority?: number } = {},
): Promise<void> {
  const job = await queues.enqueue.reconcileRequest(data, options);
  if (options.priority || !job.id) return;
  const kept = await queues.requests.getJob(job.id);
  // It may start meanwhile (then there is nothing to lift): harmless.
  if (kept && kept.priority > 0) await kept.changePriority({ priority: 0 }).catch(() => undefined);
}
