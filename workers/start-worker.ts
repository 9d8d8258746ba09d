import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../src/clock.js';
import type { Logger } from '../src/logger.js';
import type { JobDef } from '../src/queue/jobs.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { MAX_STARTED_ATTEMPTS } from '../src/queue/retry-budget.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { translateJobError } from './error-policy.js';
import { createJobContext, type Processor } from './job-context.js';

export interface StartWorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** BullMQ's job lock and stalled-check interval: a killed worker's jobs return within about twice this. */
  lockMs?: number;
  logger: Logger;
  clock: Clock;
  /** The service's own Xurrent client; each job gets it counted (`ctx.xurrent`). */
  xurrent: XurrentClient;
  /** Workers that call Xurrent need a limiter for `worker.rateLimit()` (Retry-After) to be honoured. */
  callsXurrent?: boolean;
}

/**
 * A BullMQ worker running `processor` on the jobs of `definition`'s queue: each job's data is parsed
 * by the registry (bad data fails for good), every failure goes through the one error policy, and
 * its events are logged.
 */
export function startWorker<T>(
  definition: Pick<JobDef<T>, 'parse' | 'queue'>,
  processor: Processor<T>,
  options: StartWorkerOptions,
): Worker {
  const queue = QUEUE_NAMES[definition.queue];
  const log = options.logger.child({ component: 'workers', queue });
  const worker: Worker = new Worker(
    queue,
    async (job: Job, token?: string) => {
      try {
        return await processor(definition.parse(job), createJobContext(job, token, options));
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
  worker.on('failed', (job, error) =>
    log.warn('job failed', { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, error: error.message }),
  );
  return worker;
}
