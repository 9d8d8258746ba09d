/**
 * A Xurrent outage: for a while every GraphQL call answers the same failure (5xx, or 503 with or
 * without Retry-After), as during maintenance or an incident at Xurrent. Time is the real clock:
 * the fault is seen by the service's client, which runs on real time too.
 */
export interface OutageOptions {
  /** HTTP status of every call during the outage (default 503). */
  status?: number;
  /** Retry-After sent with each answer (seconds or an HTTP date); none when omitted. */
  retryAfter?: string;
}

export interface Outage {
  /** Starts an outage now that lasts `durationMs` (a new one replaces the old). */
  start(durationMs: number, options?: OutageOptions): void;
  /** Ends the outage now. */
  end(): void;
  /** The failure a call arriving at `nowMs` gets, or undefined when Xurrent is up. */
  at(nowMs: number): { status: number; retryAfter?: string } | undefined;
  /** When the current (or last) outage ends, epoch milliseconds; 0 when there was none. */
  readonly untilMs: number;
}

export function createOutage(now: () => number = Date.now): Outage {
  let untilMs = 0;
  let failure: { status: number; retryAfter?: string } = { status: 503 };
  return {
    start(durationMs, options = {}) {
      untilMs = now() + durationMs;
      failure = { status: options.status ?? 503, ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}) };
    },
    end() {
      untilMs = Math.min(untilMs, now());
    },
    at: (nowMs) => (nowMs < untilMs ? failure : undefined),
    get untilMs() {
      return untilMs;
    },
  };
}
