import { RateLimitError, UnrecoverableError, type Worker } from 'bullmq';
import { PayloadError, RateLimitedError, XurrentApiError } from '../src/errors.js';

/**
 * The one place where failures become BullMQ outcomes: input that can never succeed and
 * non-retriable API errors fail the job now; a Xurrent rate limit pauses the whole queue for
 * Retry-After without spending an attempt; everything else is rethrown for backoff and retry.
 */
export async function translateJobError(error: unknown, worker: Pick<Worker, 'rateLimit'>): Promise<never> {
  if (error instanceof PayloadError) throw new UnrecoverableError(error.message);
  if (error instanceof RateLimitedError) {
    await worker.rateLimit(error.retryAfterMs);
    throw new RateLimitError();
  }
  if (error instanceof XurrentApiError && !error.retriable) throw new UnrecoverableError(error.message);
  throw error;
}
