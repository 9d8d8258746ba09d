import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_OPTIONS, JOBS, RESYNC_JOB_OPTIONS } from '../../src/queue/jobs.js';
import {
  MAX_STARTED_ATTEMPTS,
  MIN_THROTTLE_PAUSE_MS,
  minRetrySpanMs,
  OUTAGE_BUDGET_MS,
  RETRY_OPTIONS,
} from '../../src/queue/retry-budget.js';
import { Backoffs, type JobsOptions } from 'bullmq';

const TEN_MINUTES = 10 * 60_000;

/** The configured backoff, as BullMQ itself computes each delay (its own strategy, not ours). */
function bullmqDelays(options: { attempts?: number; backoff?: unknown }, random: number): number[] {
  const original = Math.random;
  Math.random = () => random;
  try {
    const delays: number[] = [];
    for (let made = 1; made < (options.attempts ?? 1); made++) {
      delays.push(
        Number(Backoffs.calculate(Backoffs.normalize(options.backoff as never) as never, made, new Error('down'), undefined as never)),
      );
    }
    return delays;
  } finally {
    Math.random = original;
  }
}

describe('retry budget: a ten-minute Xurrent outage loses no job', () => {
  it('5xx, timeouts, refused connections: the last attempt starts at least 13.6 min after the first failure', () => {
    // 2 + 4 + 8 + … + 512 s = 1 022 s at full delay; BullMQ's jitter draws each from [0.8 d, d]: ≥ 817.6 s.
    expect(minRetrySpanMs(RETRY_OPTIONS)).toBe(817_600);
    expect(minRetrySpanMs(RETRY_OPTIONS)).toBeGreaterThan(TEN_MINUTES);
    expect(OUTAGE_BUDGET_MS).toBe(TEN_MINUTES);
  });

  it('agrees with BullMQ computing the same backoff at its lowest and highest jitter', async () => {
    const lowest = bullmqDelays(DEFAULT_JOB_OPTIONS, 0);
    const highest = bullmqDelays(DEFAULT_JOB_OPTIONS, 0.999_999);
    expect(lowest).toHaveLength(9);
    expect(lowest.reduce((a, b) => a + b, 0)).toBe(817_600);
    expect(highest.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1_022_000);
    expect(highest.reduce((a, b) => a + b, 0)).toBeGreaterThan(1_021_000);
  });

  it.each<readonly [string, JobsOptions]>([
    ['every queue of the workflow (DEFAULT_JOB_OPTIONS)', DEFAULT_JOB_OPTIONS],
    ['resync passes, including the one full resync of a cold start', RESYNC_JOB_OPTIONS],
    // Every job of the registry, whoever enqueues it (the verification handshake retries longer still).
    ...Object.entries(JOBS).map(([key, job]) => [`job ${key}`, job.options] as const),
  ])('%s: retries span the outage', (_name, options) => {
    const { attempts, backoff } = options as { attempts: number; backoff: { delay: number; jitter?: number } };
    expect(minRetrySpanMs({ attempts, backoff })).toBeGreaterThan(OUTAGE_BUDGET_MS);
  });

  it('429/503 for the whole outage at the shortest pause stays within the started-attempts cap, twice over', () => {
    // One throttled start per pause of at least 2 s: 600 s / 2 s = 300 starts, plus every real attempt.
    const throttledStarts = Math.ceil(OUTAGE_BUDGET_MS / MIN_THROTTLE_PAUSE_MS);
    expect(throttledStarts).toBe(300);
    expect(MAX_STARTED_ATTEMPTS).toBe(610);
    expect(MAX_STARTED_ATTEMPTS).toBeGreaterThanOrEqual(2 * throttledStarts + RETRY_OPTIONS.attempts);
  });
});
