import { RateLimitError, UnrecoverableError, type Worker } from 'bullmq';
import { PayloadError, RateLimitedError, XurrentApiError } from '../src/errors.js';
import { MIN_THROTTLE_PAUSE_MS } from '../src/queue/retry-budget.js';

/**
 * The one place where failures become BullMQ outcomes: input that can never succeed and
 * non-retriable API errors fail the job now; a Xurrent rate limit pauses the whole queue for
 * Retry-After (at least MIN_THROTTLE_PAUSE_MS, so a `Retry-After: 0` cannot spin the same jobs
 * through their started attempts) without spending an attempt; everything else is rethrown for
 * backoff and retry.
 */
export async function translateJobError(error: unknown, worker: Pick<Worker, 'rateLimit'>): Promise<never> {
  if (error instanceof PayloadError) throw new UnrecoverableError(error.message);
  if (error instanceof RateLimitedError) {
    await worker.rateLimit(Math.max(error.retryAfterMs, MIN_THROTTLE_PAUSE_MS));
    throw new RateLimitError();
  }
  if (error instanceof XurrentApiError && !error.retriable) throw new UnrecoverableError(error.message);
  throw error;
}
