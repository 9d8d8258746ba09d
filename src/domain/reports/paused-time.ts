import type { SlaRecord } from './sla-record.js';

/**
 * Paused business time (ms) split by why the clock waited: `incompleteRequest` — the worker held an
 * incomplete registration for the requester (the provider is not accountable for it);
 * `waitingForCustomer` — any other waiting for the customer; `other` — a completed request's time
 * before a reopen, and paused time whose reason is unknown (records kept without the split).
 */
export interface PausedTime {
  incompleteRequestMs: number;
  waitingForCustomerMs: number;
  otherMs: number;
}

export const NO_PAUSED_TIME: PausedTime = { incompleteRequestMs: 0, waitingForCustomerMs: 0, otherMs: 0 };

/**
 * The paused time of the resolution targets among `records`, summed by reason. Only resolution
 * counts: the response clock stops when the request first waits for the customer, so it is never
 * paused by it, and adding both targets would count one wait twice.
 */
export function pausedTimeOf(records: readonly SlaRecord[]): PausedTime {
  const total = { ...NO_PAUSED_TIME };
  for (const record of records) {
    if (record.target !== 'resolution') continue;
    const byReason = record.pausedByReason ?? { other: record.pausedBusinessMs };
    for (const [reason, ms] of Object.entries(byReason)) {
      if (reason === 'incomplete_request') total.incompleteRequestMs += ms;
      else if (reason === 'waiting_for_customer') total.waitingForCustomerMs += ms;
      else total.otherMs += ms;
    }
  }
  return total;
}

/** The sum of several splits (e.g. the priorities' into the report's total). */
export function addPausedTime(parts: readonly PausedTime[]): PausedTime {
  return parts.reduce(
    (sum, p) => ({
      incompleteRequestMs: sum.incompleteRequestMs + p.incompleteRequestMs,
      waitingForCustomerMs: sum.waitingForCustomerMs + p.waitingForCustomerMs,
      otherMs: sum.otherMs + p.otherMs,
    }),
    NO_PAUSED_TIME,
  );
}
