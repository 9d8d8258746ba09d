import type { RequestEvent, RequestStatus } from '../sla/request-history.js';
import type { Priority } from '../sla/sla-policy.js';
import type { RequestSnapshot } from './request-snapshot.js';
import { workerPersonIdsOf } from '../notes/note-signals.js';
import type { WorkflowState } from './workflow-state.js';

const STATUSES: ReadonlySet<string> = new Set<RequestStatus>([
  'declined',
  'rejected',
  'assigned',
  'accepted',
  'in_progress',
  'waiting_for',
  'waiting_for_customer',
  'reservation_pending',
  'workflow_pending',
  'project_pending',
  'completed',
]);

/**
 * Turns what changed since the last observation into SLA history events. The worker sees the
 * request's current state, not each change, so a change is dated at the request's `updatedAt`
 * (kept between the last event and now, so history never runs backwards). The clock starts at
 * the request's registration once it is an incident with a priority; a new priority later is a
 * priority change from the original start. A status change seen here was not the worker's (its own
 * are recorded when it makes them, `by: 'worker'`), so it is a person's.
 */
export function observeRequest(
  snapshot: RequestSnapshot,
  state: WorkflowState,
  priority: Priority | null,
  nowMs: number,
  providerAccountId: string | null = null,
): RequestEvent[] {
  const events = [...state.events];
  const lastAt = events.reduce((latest, e) => Math.max(latest, e.at), snapshot.createdAtMs);
  const changeAt = Math.min(nowMs, Math.max(snapshot.updatedAtMs, lastAt));

  const created = events.find((e) => e.kind === 'created');
  if (priority !== null && !created) {
    events.unshift({ kind: 'created', at: Math.min(snapshot.createdAtMs, nowMs), priority });
  } else if (priority !== null && currentPriority(events) !== priority) {
    events.push({ kind: 'priority-changed', at: changeAt, priority });
  }

  const previousStatus = state.observed?.status ?? 'assigned';
  if (snapshot.status !== previousStatus && STATUSES.has(snapshot.status)) {
    const by = statusAuthor(snapshot, providerAccountId);
    events.push({ kind: 'status-changed', at: changeAt, status: snapshot.status as RequestStatus, ...(by ? { by } : {}) });
  }
  // Xurrent's own "provider not accountable" switch pauses both clocks while it is on (§3.3).
  const notAccountable = snapshot.providerNotAccountable ?? false;
  if (notAccountable !== (state.observed?.notAccountable ?? false) && (notAccountable || state.observed !== null)) {
    events.push({ kind: 'accountability-changed', at: changeAt, notAccountable });
  }
  return events;
}

/**
 * Who made the status change now observed, from the webhook envelope recorded when it came in (the
 * newest record of this status): the worker's own API user (the person of its marked notes), one of
 * the request's requesters, or a person of the customer's account (the account the request lives in
 * or its requested-for person's, when that is not the provider's: the customer's people reaching the
 * provider through a trust): none of these is the provider's response. Undefined: a person of the
 * provider, of another account (a provider's specialists may live in a directory account apart from
 * XURRENT_ACCOUNT) or of an unknown one, or nothing recorded (a lost webhook: not the worker's, whose
 * own writes are recorded when it makes them, so read as the provider's).
 */
function statusAuthor(snapshot: RequestSnapshot, providerAccountId: string | null): 'worker' | 'requester' | undefined {
  const actor = (snapshot.statusActors ?? []).filter((a) => a.status === snapshot.status).sort((a, b) => b.atMs - a.atMs)[0];
  if (!actor) return undefined;
  if (workerPersonIdsOf(snapshot.notes ?? []).has(actor.personNodeId)) return 'worker';
  if ((snapshot.requesterIds ?? []).includes(actor.personNodeId)) return 'requester';
  const accountId = actor.accountId ?? null;
  const customerSide = accountId !== null && accountId !== providerAccountId && (snapshot.customerAccountIds ?? []).includes(accountId);
  if (providerAccountId !== null && customerSide) return 'requester';
  return undefined;
}

function currentPriority(events: readonly RequestEvent[]): Priority | null {
  let priority: Priority | null = null;
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (event.kind === 'created' || event.kind === 'priority-changed') priority = event.priority;
  }
  return priority;
}
