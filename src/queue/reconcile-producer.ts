import type { Queue } from 'bullmq';
import type { ReconcileRequestJob } from '../../schema/jobs.js';
import { JOB_NAMES } from './names.js';
import { toJobId } from './producer.js';

/**
 * One reconcile per request at a time: while a job for the request waits, new events are absorbed
 * by it (it will read the latest state anyway); while one runs, one more is kept to run after it,
 * so a change made during a run is never missed (BullMQ deduplication, keepLastIfActive).
 */
export async function enqueueReconcile(queue: Queue, data: ReconcileRequestJob): Promise<void> {
  await queue.add(JOB_NAMES.reconcileRequest, data, {
    deduplication: { id: toJobId('reconcile', data.requestNodeId), keepLastIfActive: true },
    removeOnComplete: { age: 3_600, count: 10_000 },
  });
}
