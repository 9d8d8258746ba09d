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
 * `assigned` from its registration until the first status change, as the SLA clock assumes.
 */
export function statusStretches(events: readonly RequestEvent[], nowMs: number): StatusStretch[] {
  const created = events.find((e) => e.kind === 'created');
  if (!created) return [];
  const stretches: StatusStretch[] = [];
  let current: StatusStretch = { status: 'assigned', fromMs: created.at, toMs: nowMs };
  for (const event of events) {
    if (event.kind !== 'status-changed' || event.at < created.at || event.status === current.status) continue;
    stretches.push({ ...current, toMs: event.at });
    // Read without depending on the event type: histories may carry a pause reason on a status change.
    const reason = (event as { reason?: unknown }).reason;
    current = { status: event.status, fromMs: event.at, toMs: nowMs, ...(typeof reason === 'string' ? { reason } : {}) };
  }
  stretches.push(current);
  return stretches.filter((s) => s.toMs > s.fromMs || s === current);
}

/** The status at an instant: of the stretch holding it, the last one when it lies beyond them. */
export function statusAt(stretches: readonly StatusStretch[], atMs: number): string {
  const holding = stretches.find((s) => atMs >= s.fromMs && atMs < s.toMs);
  return (holding ?? stretches[stretches.length - 1])?.status ?? 'unknown';
}
