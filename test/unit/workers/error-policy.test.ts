import { RateLimitError, UnrecoverableError } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { PayloadError, RateLimitedError, XurrentApiError } from '../../../src/errors.js';
import { translateJobError } from '../../../workers/error-policy.js';

function worker() {
  return { rateLimit: vi.fn(async (_ms: number) => undefined) };
}

describe('translateJobError', () => {
  it('pauses the queue for Retry-After on a rate limit, without failing the job', async () => {
    const w = worker();
    await expect(translateJobError(new RateLimitedError(7_000), w)).rejects.toBeInstanceOf(RateLimitError);
    expect(w.rateLimit).toHaveBeenCalledWith(7_000);
  });

  it("pauses at least Xurrent's 2 s burst window, so Retry-After: 0 cannot spin jobs through their started attempts", async () => {
    const w = worker();
    await expect(translateJobError(new RateLimitedError(0), w)).rejects.toBeInstanceOf(RateLimitError);
    expect(w.rateLimit).toHaveBeenCalledWith(2_000);
  });

  it.each([
    ['401', new XurrentApiError('no', { status: 401, retriable: false })],
    [
      'payload errors',
      new XurrentApiError('refused', { status: 200, payloadErrors: [{ path: ['id'], message: 'not found' }], retriable: false }),
    ],
    ['bad job data', new PayloadError('bad')],
  ])('fails the job for good on %s', async (_name, error) => {
    await expect(translateJobError(error, worker())).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it.each([
    ['5xx', new XurrentApiError('down', { status: 502, retriable: true })],
    ['timeout', new XurrentApiError('timed out', { retriable: true })],
    ['anything else', new Error('boom')],
  ])('rethrows %s for backoff and retry', async (_name, error) => {
    const w = worker();
    await expect(translateJobError(error, w)).rejects.toBe(error);
    expect(w.rateLimit).not.toHaveBeenCalled();
  });
});
