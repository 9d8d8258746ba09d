import type { RequestEvent } from '../sla/request-history.js';

/** A stretch [fromMs, toMs) during which a request had one status. */
export interface StatusStretch {
  status: string;
  /** Why the status was set, when the history says (e.g. `incomplete_request` for a worker's pause). */
  reason?: string;
  fromMs: number;
  toMs: number;
}

/**
 * The request's statuses over time from its history (events in time order, up to `nowMs`): it is
 * `assigned` from its registration until the first status change, as the SLA clock assumes. While
 * Xurrent's `providerNotAccountable` is set the stretch reads `provider_not_accountable` (the clocks
 * pause for it whatever the status), and the status underneath returns when it is cleared.
 */
export function statusStretches(events: readonly RequestEvent[], nowMs: number): StatusStretch[] {
  const created = events.find((e) => e.kind === 'created');
  if (!created) return [];
  const stretches: StatusStretch[] = [];
  let underlying: Omit<StatusStretch, 'fromMs' | 'toMs'> = { status: 'assigned' };
  let notAccountable = false;
  let current: StatusStretch = { status: 'assigned', fromMs: created.at, toMs: nowMs };
  for (const event of events) {
    if (event.at < created.at) continue;
    if (event.kind === 'status-changed') {
      // Read without depending on the event type: histories may carry a pause reason on a status change.
      const reason = (event as { reason?: unknown }).reason;
      underlying = { status: event.status, ...(typeof reason === 'string' ? { reason } : {}) };
    } else if (event.kind === 'accountability-changed') {
      notAccountable = event.notAccountable;
    } else continue;
    const next = notAccountable ? { status: NOT_ACCOUNTABLE } : underlying;
    if (next.status === current.status && next.reason === current.reason) continue;
    stretches.push({ ...current, toMs: event.at });
    current = { ...next, fromMs: event.at, toMs: nowMs };
  }
  stretches.push(current);
  return stretches.filter((s) => s.toMs > s.fromMs || s === current);
}

/** The stretch status while Xurrent's `providerNotAccountable` is set. */
export const NOT_ACCOUNTABLE = 'provider_not_accountable';

/** The status at an instant: of the stretch holding it, the last one when it lies beyond them. */
export function statusAt(stretches: readonly StatusStretch[], atMs: number): string {
  const holding = stretches.find((s) => atMs >= s.fromMs && atMs < s.toMs);
  return (holding ?? stretches[stretches.length - 1])?.status ?? 'unknown';
}
