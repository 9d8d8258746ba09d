/**
 * How long a job rides out a Xurrent outage before it counts as failed (a dead letter), in one
 * place so the figures are computed, not asserted. Two ways a call fails during an outage:
 * - 5xx, timeouts, refused connections: an attempt is spent and BullMQ backs off exponentially;
 * - 429/503: the queue pauses for Retry-After (no attempt spent), but BullMQ counts every start
 *   (`maxStartedAttempts`), so the pause has a floor and the cap is sized from it.
 */

/** The outage every job must survive without being lost: Xurrent down for ten minutes. */
export const OUTAGE_BUDGET_MS = 10 * 60_000;

/** Attempts and exponential backoff of every job that calls Xurrent (2 s doubling, ±20 % jitter downwards). */
export const RETRY_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 2_000, jitter: 0.2 },
};

/**
 * The shortest queue pause after a 429/503: Xurrent's burst window (2 s). A shorter Retry-After
 * (or `0`) would restart the same jobs in a tight loop and burn their started attempts.
 */
export const MIN_THROTTLE_PAUSE_MS = 2_000;

/**
 * Earliest instant of the last attempt, counted from the first failure: the sum of BullMQ's
 * exponential delays `delay · 2^(k−1)` for k = 1 … attempts−1, each at its lowest jitter
 * (BullMQ draws from [(1 − jitter) · d, d]).
 */
export function minRetrySpanMs(options: { attempts: number; backoff: { delay: number; jitter?: number } }): number {
  let total = 0;
  for (let k = 1; k < options.attempts; k++) total += options.backoff.delay * 2 ** (k - 1);
  return total * (1 - (options.backoff.jitter ?? 0));
}

/**
 * Starts a job may have (BullMQ `maxStartedAttempts`): its attempts plus one throttled start per
 * shortest pause for twice the outage budget. Still a cap: a job refused by Xurrent for hours at
 * short Retry-Afters ends as a dead letter instead of cycling for ever.
 */
export const MAX_STARTED_ATTEMPTS = RETRY_OPTIONS.attempts + Math.ceil((2 * OUTAGE_BUDGET_MS) / MIN_THROTTLE_PAUSE_MS);
