import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { checkVerifyCallback, describeCallback } from '../schema/webhook-callback.js';
import { WebhookVerifyJobSchema } from '../schema/webhook-jobs.js';
import { PayloadError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { translateJobError } from './error-policy.js';

export interface WebhookVerifyDeps {
  fetch: typeof globalThis.fetch;
  logger: Logger;
  /** Domains a callback may be on as `<account>.<domain>` (checked again here: no request forgery). */
  callbackDomains: readonly string[];
  now?: () => Date;
}

/** Statuses worth retrying; any other 4xx means the code is wrong or spent. */
const RETRIABLE_4XX = new Set([408, 425, 429]);

/**
 * The verification handshake (API-NOTES §6.4): GET Xurrent's callback URL. 2xx verifies the webhook;
 * 5xx and network errors are thrown so BullMQ retries with backoff; past `expiresAt` or on a
 * definite refusal the job fails for good. Safe to run twice: a verified code just answers again.
 */
export function createWebhookVerifyProcessor({ fetch, logger, callbackDomains, now = () => new Date() }: WebhookVerifyDeps) {
  return async function processWebhookVerify(job: Job): Promise<{ status: number }> {
    const parsed = WebhookVerifyJobSchema.safeParse(job.data);
    if (!parsed.success) throw new PayloadError(`Bad job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const data = parsed.data;
    const check = checkVerifyCallback(data.callback, { accountId: data.accountId, domains: callbackDomains }, new Date(data.receivedAt));
    if (!check.ok) throw new PayloadError(`callback refused: ${check.message}`);
    const log = logger.child({ component: 'worker', jobId: job.id, jobName: job.name, deliveryId: data.deliveryId, callback: describeCallback(check.url) });
    if (now().getTime() > check.expiresAt.getTime()) throw new PayloadError(`verification code expired at ${check.expiresAt.toISOString()}`);

    const response = await fetch(check.url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    if (response.ok) {
      log.info('webhook verified', { status: response.status });
      return { status: response.status };
    }
    if (response.status >= 300 && response.status < 500 && !RETRIABLE_4XX.has(response.status)) {
      throw new PayloadError(`verification callback answered ${response.status}`);
    }
    throw new Error(`verification callback answered ${response.status}`);
  };
}

export interface WebhookVerifyWorkerDeps extends WebhookVerifyDeps {
  connection: Redis;
  prefix: string;
}

/** The worker for the `webhook-verify` queue. */
export function createWebhookVerifyWorker({ connection, prefix, ...deps }: WebhookVerifyWorkerDeps): Worker {
  const processWebhookVerify = createWebhookVerifyProcessor(deps);
  const worker: Worker = new Worker(
    QUEUE_NAMES.webhookVerify,
    async (job: Job) => {
      try {
        return await processWebhookVerify(job);
      } catch (error) {
        return translateJobError(error, worker);
      }
    },
    { connection, prefix, concurrency: 2 },
  );
  worker.on('error', (error) => deps.logger.error('webhook-verify worker error', { component: 'workers', error }));
  worker.on('failed', (job, error) => deps.logger.warn('webhook verification failed', { component: 'workers', jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message }));
  return worker;
}
