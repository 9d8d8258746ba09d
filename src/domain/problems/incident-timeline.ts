import type { RequestEvent } from '../sla/request-history.js';

/** Statuses that end the response clock (the SLA engine's rule, see README "SLA engine"). */
const RESPONDED_STATUSES: readonly string[] = ['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed'];

/** One incident as the RCA note tells it. Instants are epoch ms. */
export interface IncidentTimeline {
  /** The number agents see (`requestId`), or the node id when unknown. */
  label: string;
  subject: string;
  registeredAtMs: number;
  respondedAtMs: number | null;
  resolvedAtMs: number | null;
  escalations: readonly { level: string; target: string | null; atMs: number }[];
}

/**
 * When the incident was responded to (first change to a responding status) and resolved (its
 * latest status change, when that is `completed`; a reopened incident is not resolved).
 */
export function responseAndResolutionOf(events: readonly RequestEvent[]): { respondedAtMs: number | null; resolvedAtMs: number | null } {
  const changes = events.filter((e): e is Extract<RequestEvent, { kind: 'status-changed' }> => e.kind === 'status-changed');
  const responded = changes.find((e) => RESPONDED_STATUSES.includes(e.status));
  const last = changes.at(-1);
  return { respondedAtMs: responded?.at ?? null, resolvedAtMs: last?.status === 'completed' ? last.at : null };
}
