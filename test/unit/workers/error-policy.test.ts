import { RateLimitError, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { PayloadError, RateLimitedError, XurrentApiError } from '../../../src/errors.js';
import { translateJobError } from '../../../workers/error-policy.js';

function fakeWorker() {
  const pauses: number[] = [];
  return { pauses, worker: { rateLimit: async (ms: number) => void pauses.push(ms) } };
}

describe('translateJobError', () => {
  it('fails bad input at once', async () => {
    const { worker } = fakeWorker();
    await expect(translateJobError(new PayloadError('bad job data'), worker)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('fails non-retriable API errors at once and rethrows retriable ones for backoff', async () => {
    const { worker } = fakeWorker();
    await expect(translateJobError(new XurrentApiError('forbidden', { status: 403, retriable: false }), worker)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const retriable = new XurrentApiError('bad gateway', { status: 502, retriable: true });
    await expect(translateJobError(retriable, worker)).rejects.toBe(retriable);
  });

  it('pauses the whole queue for Retry-After on a rate limit, without spending an attempt', async () => {
    const { worker, pauses } = fakeWorker();
    await expect(translateJobError(new RateLimitedError(30_000), worker)).rejects.toBeInstanceOf(RateLimitError);
    expect(pauses).toEqual([30_000]);
  });

  it('rethrows anything else unchanged', async () => {
    const { worker } = fakeWorker();
    const error = new Error('socket hang up');
    await expect(translateJobError(error, worker)).rejects.toBe(error);
  });
});
