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
 * - `status-changed`: `by: 'worker'` marks the worker's own writes (its ask for missing details, its
 *   resume, its forward to Xurrent): under the person rule (`responseBy: 'person'`) they never count
 *   as the response. A change to waiting_for_customer the worker made because the registration was
 *   incomplete carries `reason: 'incomplete_request'`, so reports can tell that pause from other waiting.
 * - `responded`: a provider person's public note (`via: 'note'`, dated at the note), the response
 *   under the person rule (a provider person's status change is a `status-changed` without `by`).
 * - `root-cause-recorded`: the root cause was determined (a tagged note or the linked problem);
 *   only used with RESOLUTION_CLOCK_START=root_cause.
 * - `accountability-changed`: Xurrent's `providerNotAccountable` was switched; both clocks pause while it is true.
 */
export type RequestEvent =
  | { readonly kind: 'created'; readonly at: number; readonly priority: Priority }
  | {
      readonly kind: 'status-changed';
      readonly at: number;
      readonly status: RequestStatus;
      readonly reason?: 'incomplete_request';
      readonly by?: 'worker' | 'requester';
    }
  | { readonly kind: 'priority-changed'; readonly at: number; readonly priority: Priority }
  | { readonly kind: 'root-cause-recorded'; readonly at: number; readonly source?: 'tag' | 'problem' }
  | { readonly kind: 'responded'; readonly at: number; readonly via: 'note' }
  | { readonly kind: 'accountability-changed'; readonly at: number; readonly notAccountable: boolean };

export interface RequestHistory {
  /** The request's current category. */
  readonly category: RequestCategory;
  readonly events: readonly RequestEvent[];
}
