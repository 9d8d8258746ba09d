import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logger.js';
import { MAX_STARTED_ATTEMPTS } from '../src/queue/retry-budget.js';
import { translateJobError } from './error-policy.js';

export interface StartWorkerOptions {
  queue: string;
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** BullMQ's job lock and stalled-check interval: a killed worker's jobs return within about twice this. */
  lockMs?: number;
  logger: Logger;
  /** Workers that call Xurrent need a limiter for `worker.rateLimit()` (Retry-After) to be honoured. */
  callsXurrent?: boolean;
}

/** A BullMQ worker whose failures all go through the one error policy, with its events logged. */
export function startWorker(processor: (job: Job, token?: string) => Promise<unknown>, options: StartWorkerOptions): Worker {
  const log = options.logger.child({ component: 'workers', queue: options.queue });
  const worker: Worker = new Worker(
    options.queue,
    async (job: Job, token?: string) => {
      try {
        return await processor(job, token);
      } catch (error) {
        return translateJobError(error, worker);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      ...(options.lockMs ? { lockDuration: options.lockMs, stalledInterval: options.lockMs } : {}),
      // Far above Xurrent's burst limit: pacing is the client's limiter; this only enables rateLimit().
      // Throttled starts count too: the cap lets a job ride out a 429/503 outage (retry-budget.ts).
      ...(options.callsXurrent ? { limiter: { max: 1_000, duration: 1_000 }, maxStartedAttempts: MAX_STARTED_ATTEMPTS } : {}),
    },
  );
  worker.on('error', (error) => log.error('worker error', { error }));
  worker.on('failed', (job, error) => log.warn('job failed', { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, error: error.message }));
  return worker;
}
