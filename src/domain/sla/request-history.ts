import type { RequestCategory } from '../triage/categories.js';
import type { Priority } from './sla-policy.js';

/** Xurrent request statuses (the `status` field of a request). */
export type RequestStatus =
  | 'declined'
  | 'rejected'
  | 'assigned'
  | 'accepted'
  | 'in_progress'
  | 'waiting_for'
  | 'waiting_for_customer'
  | 'reservation_pending'
  | 'workflow_pending'
  | 'project_pending'
  | 'completed';

/** Xurrent request categories; only `incident` has SLA clocks. */
export type { RequestCategory } from '../triage/categories.js';

/**
 * What happened to a request, as the worker reads it from the request and its audit trail.
 * `at` is epoch ms. An impact change reaches the clock as the priority it leads to.
 * `root-cause-recorded` is emitted when the request's root cause is first filled in (only used
 * with RESOLUTION_CLOCK_START=root_cause). A change to waiting_for_customer the worker made because
 * the registration was incomplete carries `reason: 'incomplete_request'`, so reports can tell that
 * pause from other waiting; the clock pauses the same way for both.
 */
export type RequestEvent =
  | { readonly kind: 'created'; readonly at: number; readonly priority: Priority }
  | { readonly kind: 'status-changed'; readonly at: number; readonly status: RequestStatus; readonly reason?: 'incomplete_request' }
  | { readonly kind: 'priority-changed'; readonly at: number; readonly priority: Priority }
  | { readonly kind: 'root-cause-recorded'; readonly at: number };

export interface RequestHistory {
  /** The request's current category. */
  readonly category: RequestCategory;
  readonly events: readonly RequestEvent[];
}
