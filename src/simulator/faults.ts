import { createOutage, type Outage } from './outage.js';

/**
 * Failures a test can inject into the simulator's GraphQL endpoint: extra latency, HTTP errors
 * (5xx, or 429/503 with Retry-After), calls that never answer in time and outages of a duration.
 */
export type Fault = { kind: 'status'; status: number; retryAfter?: string } | { kind: 'hang'; ms: number };

export interface Faults {
  latencyMs: number;
  /** Sets a latency added to every GraphQL call from now on. */
  setLatency(ms: number): void;
  /** The next `count` calls answer `status` (with Retry-After when given). */
  failNext(status: number, options?: { count?: number; retryAfter?: string }): void;
  /** The next `count` calls wait `ms` before answering (longer than the client's timeout). */
  hangNext(ms: number, count?: number): void;
  /** Every call fails for a while (`outage.start(ms, { status, retryAfter })`), ahead of the queued faults. */
  outage: Outage;
  /** The fault for the call arriving now, if any. */
  take(): Fault | undefined;
  clear(): void;
}

export function createFaults(): Faults {
  const queue: Fault[] = [];
  const outage = createOutage();
  const faults: Faults = {
    latencyMs: 0,
    setLatency(ms) {
      faults.latencyMs = ms;
    },
    failNext(status, options = {}) {
      for (let i = 0; i < (options.count ?? 1); i++)
        queue.push({ kind: 'status', status, ...(options.retryAfter ? { retryAfter: options.retryAfter } : {}) });
    },
    hangNext(ms, count = 1) {
      for (let i = 0; i < count; i++) queue.push({ kind: 'hang', ms });
    },
    outage,
    take() {
      const down = outage.at(Date.now());
      return down ? { kind: 'status', ...down } : queue.shift();
    },
    clear() {
      queue.length = 0;
      outage.end();
      faults.latencyMs = 0;
    },
  };
  return faults;
}
