import type { RequestRecord } from './store.js';

/**
 * What Xurrent keeps on a request's affected SLA (docs/xurrent-api.md#affected-slas): when the clock started, the
 * actual response and resolution, and the periods the clock was stopped (waiting for the customer).
 * Simplified: one affected SLA per request; a response is the first change to accepted,
 * in_progress, waiting_for, waiting_for_customer or completed; a reopen clears the resolution.
 */
export interface SimSlaHistory {
  startedAt: string;
  actualResponseAt: string | null;
  actualResolutionAt: string | null;
  /** `providerNotAccountable`: the period is one in which the provider was not accountable (not a wait for the customer). */
  stoppedClockPeriods: { from: string; to: string | null; providerNotAccountable?: boolean }[];
}

const RESPONDED = new Set(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed']);

export function startSlaHistory(createdAt: string): SimSlaHistory {
  return { startedAt: createdAt, actualResponseAt: null, actualResolutionAt: null, stoppedClockPeriods: [] };
}

/** Records a status change at `at` on the request's affected SLA. */
export function trackStatusChange(record: RequestRecord, previousStatus: string, at: string): void {
  if (record.status === previousStatus) return;
  const sla = (record.slaHistory ??= startSlaHistory(record.createdAt));
  if (sla.actualResponseAt === null && RESPONDED.has(record.status)) sla.actualResponseAt = at;
  const open = sla.stoppedClockPeriods.at(-1);
  if (previousStatus === 'waiting_for_customer' && open && open.to === null && !open.providerNotAccountable) open.to = at;
  if (record.status === 'waiting_for_customer') sla.stoppedClockPeriods.push({ from: at, to: null });
  if (record.status === 'completed') sla.actualResolutionAt = at;
  if (previousStatus === 'completed') {
    sla.actualResolutionAt = null;
    record.reopenCount = (record.reopenCount ?? 0) + 1;
  }
}

/** Records a switch of `providerNotAccountable` at `at`: the clock stops while it is true (a period of its own). */
export function trackAccountability(record: RequestRecord, wasNotAccountable: boolean, at: string): void {
  const now = record.providerNotAccountable ?? false;
  if (now === wasNotAccountable) return;
  const sla = (record.slaHistory ??= startSlaHistory(record.createdAt));
  if (now) sla.stoppedClockPeriods.push({ from: at, to: null, providerNotAccountable: true });
  else {
    const open = [...sla.stoppedClockPeriods].reverse().find((p) => p.providerNotAccountable && p.to === null);
    if (open) open.to = at;
  }
}
