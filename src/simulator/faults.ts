/**
 * Failures a test can inject into the simulator's GraphQL endpoint: extra latency, HTTP errors
 * (5xx, or 429/503 with Retry-After) and calls that never answer in time.
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
  /** The fault for the call arriving now, if any. */
  take(): Fault | undefined;
  clear(): void;
}

export function createFaults(): Faults {
  const queue: Fault[] = [];
  const faults: Faults = {
    latencyMs: 0,
    setLatency(ms) {
      faults.latencyMs = ms;
    },
    failNext(status, options = {}) {
      for (let i = 0; i < (options.count ?? 1); i++) queue.push({ kind: 'status', status, ...(options.retryAfter ? { retryAfter: options.retryAfter } : {}) });
    },
    hangNext(ms, count = 1) {
      for (let i = 0; i < count; i++) queue.push({ kind: 'hang', ms });
    },
    take: () => queue.shift(),
    clear() {
      queue.length = 0;
      faults.latencyMs = 0;
    },
  };
  return faults;
}
