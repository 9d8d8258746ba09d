import type { Queue } from 'bullmq';
import type { ManageProblemJob } from '../../schema/problem-jobs.js';
import { JOB_NAMES } from './names.js';
import { toJobId } from './producer.js';

/**
 * One problem check per request at a time, coalesced like reconcile jobs: a check reads the
 * current state, so one waiting check absorbs any number of later reconciles.
 */
export async function enqueueProblemCheck(queue: Queue, data: ManageProblemJob): Promise<void> {
  await queue.add(JOB_NAMES.manageProblem, data, {
    deduplication: { id: toJobId('problem', data.requestNodeId), keepLastIfActive: true },
    removeOnComplete: { age: 3_600, count: 10_000 },
  });
}
