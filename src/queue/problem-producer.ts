import type { ManageProblemJob } from '../../schema/problem-jobs.js';
import type { OpenQueues } from './jobs.js';

/**
 * One problem check per request at a time, coalesced like reconcile jobs: a check reads the
 * current state, so one waiting check absorbs any number of later reconciles.
 */
export async function enqueueProblemCheck(queues: Pick<OpenQueues, 'enqueue'>, data: ManageProblemJob): Promise<void> {
  await queues.enqueue.manageProblem(data);
}
