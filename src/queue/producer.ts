import type { Queue } from 'bullmq';
import type { RequestEventJob } from '../../schema/jobs.js';
import { JOB_NAMES } from './names.js';

export type EnqueueOutcome = 'queued' | 'duplicate';

/**
 * BullMQ job ids must not contain ':' and must not be all digits; delivery ids are UUIDs in practice
 * but come from outside, so they are normalised.
 */
export function toJobId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/**
 * Adds the job and resolves only once Redis holds it. A job id that already exists means a
 * redelivery of an event we have; BullMQ would ignore the add, and we report a duplicate.
 */
export async function enqueueRequestEvent(queue: Queue, data: RequestEventJob): Promise<EnqueueOutcome> {
  const jobId = toJobId('delivery', data.deliveryId);
  if (await queue.getJob(jobId)) return 'duplicate';
  await queue.add(JOB_NAMES.requestEvent, data, { jobId });
  return 'queued';
}
