import { Worker, type Job } from 'bullmq';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { createRedis } from '../src/redis/connection.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { translateJobError } from './error-policy.js';
import { createRequestEventProcessor } from './request-event.js';
import { createWebhookVerifyWorker } from './webhook-verify.js';

export interface Workers {
  all: readonly Worker[];
  isRunning(): boolean;
  /** Stops taking jobs and waits for active ones; `force` abandons them (they will be retried). */
  close(force?: boolean): Promise<void>;
}

export interface WorkersDeps {
  config: Pick<Config, 'queue' | 'webhooks'>;
  redisUrl: string;
  xurrent: XurrentClient;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
}

/** Wires every processor to its queue; the only place that knows which job runs where. */
export function createWorkers({ config, redisUrl, xurrent, logger, fetch = globalThis.fetch }: WorkersDeps): Workers {
  const log = logger.child({ component: 'workers' });
  const processRequestEvent = createRequestEventProcessor({ xurrent, logger });

  // Workers block on Redis and must outlast its outages, so they get their own patient connection.
  const connection = createRedis(redisUrl, 'worker', 'xsw-worker');
  connection.on('error', (error) => log.warn('worker redis connection error', { error: error.message }));
  const events: Worker = new Worker(
    QUEUE_NAMES.events,
    async (job: Job) => {
      try {
        return await processRequestEvent(job);
      } catch (error) {
        return translateJobError(error, events);
      }
    },
    {
      connection,
      prefix: config.queue.prefix,
      concurrency: config.queue.concurrency,
      // BullMQ requires a limiter for worker.rateLimit() to be honoured; this one is far above Xurrent's burst limit.
      limiter: { max: 1_000, duration: 1_000 },
      maxStartedAttempts: 50,
    },
  );
  events.on('error', (error) => log.error('worker error', { error }));
  events.on('failed', (job, error) =>
    log.warn('job failed', { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, error: error.message }),
  );

  // Webhook verification handshakes (issue 4): own queue and worker, see workers/webhook-verify.ts.
  const webhookVerify = createWebhookVerifyWorker({ connection, prefix: config.queue.prefix, accountUrl: config.webhooks.accountUrl, fetch, logger });

  const all = [events, webhookVerify];
  return {
    all,
    isRunning: () => all.every((w) => w.isRunning()),
    close: async (force = false) => {
      await Promise.all(all.map((w) => w.close(force)));
      connection.disconnect();
    },
  };
}
