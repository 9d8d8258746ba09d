import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { checkVerifyCallback, describeCallback } from '../src/webhook-verify/callback-policy.js';
import { PayloadError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { translateJobError } from './error-policy.js';
import { JOBS } from '../src/queue/jobs.js';

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
 * The verification handshake (docs/xurrent-api.md#verification-handshake): GET Xurrent's callback URL. 2xx verifies the webhook;
 * 5xx and network errors are thrown so BullMQ retries with backoff; past `expiresAt` or on a
 * definite refusal the job fails for good. Safe to run twice: a verified code just answers again.
 */
export function createWebhookVerifyProcessor({ fetch, logger, callbackDomains, now = () => new Date() }: WebhookVerifyDeps) {
  return async function processWebhookVerify(job: Job): Promise<{ status: number }> {
    const data = JOBS.webhookVerify.parse(job);
    const check = checkVerifyCallback(data.callback, { accountId: data.accountId, domains: callbackDomains }, new Date(data.receivedAt));
    if (!check.ok) throw new PayloadError(`callback refused: ${check.message}`);
    const log = logger.child({
      component: 'worker',
      jobId: job.id,
      jobName: job.name,
      deliveryId: data.deliveryId,
      callback: describeCallback(check.url),
    });
    if (now().getTime() > check.expiresAt.getTime())
      throw new PayloadError(`verification code expired at ${check.expiresAt.toISOString()}`);

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
        const result = await processWebhookVerify(job);
        await forgetVerifyCode(job);
        return result;
      } catch (error) {
        try {
          return await translateJobError(error, worker);
        } catch (outcome) {
          // Failed for good: the job stays in the failed set (and on Bull Board) for 30 days, the code must not.
          if (outcome instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
            await forgetVerifyCode(job).catch(() => undefined);
          throw outcome;
        }
      }
    },
    { connection, prefix, concurrency: 2 },
  );
  worker.on('error', (error) => deps.logger.error('webhook-verify worker error', { component: 'workers', error }));
  worker.on('failed', (job, error) =>
    deps.logger.warn('webhook verification failed', {
      component: 'workers',
      jobId: job?.id,
      attemptsMade: job?.attemptsMade,
      error: error.message,
    }),
  );
  return worker;
}

/**
 * Once a handshake job is finished (verified, or failed for good), its data keeps the callback's
 * origin and path only: the one-time code in the query would otherwise sit in Redis, and on Bull
 * Board, for as long as the finished job is kept. A retry of such a job cannot verify any more;
 * Xurrent sends a new code with a new handshake.
 */
async function forgetVerifyCode(job: Job): Promise<void> {
  const data = job.data as Record<string, unknown>;
  await job.updateData({ ...data, callback: callbackWithoutQuery(data['callback']) });
}

function callbackWithoutQuery(callback: unknown): string {
  try {
    return describeCallback(new URL(String(callback)));
  } catch {
    return '[removed]';
  }
}
