import type { Job, Worker } from 'bullmq';
import { QUEUE_NAMES } from '../queue/names.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Counts every job attempt that ends in these workers from BullMQ's own events, so processors
 * stay unaware of metrics. A failed job with `finishedOn` set went to the failed set (past its
 * retries, or unrecoverable); without it, BullMQ scheduled a retry.
 */
export function observeWorkers(workers: readonly Worker[], metrics: Pick<ServiceMetrics, 'job' | 'problemCreated'>): void {
  for (const worker of workers) {
    const queue = worker.name;
    worker.on('completed', (job: Job, result: unknown) => {
      metrics.job(queue, 'completed', spanOf(job, job.finishedOn));
      if (queue === QUEUE_NAMES.problems && isCreate(result)) metrics.problemCreated();
    });
    worker.on('failed', (job: Job | undefined) => {
      if (!job) return;
      const final = typeof job.finishedOn === 'number';
      metrics.job(queue, final ? 'failed' : 'retried', spanOf(job, final ? job.finishedOn : Date.now()));
    });
  }
}

function spanOf(job: Job, endMs: number | undefined): number | undefined {
  return job.processedOn !== undefined && endMs !== undefined ? endMs - job.processedOn : undefined;
}

/** `manage-problem` answers `{ action: 'create', … }` when it opened a problem. */
function isCreate(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { action?: unknown }).action === 'create';
}
