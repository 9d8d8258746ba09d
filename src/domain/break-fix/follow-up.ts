import { hasMarker, noteMarker } from '../notes/render-notes.js';

/** Statuses after which the customer's request needs no more following. */
const CLOSED = new Set(['completed', 'declined', 'rejected']);

/** Whether the customer's request is closed: nothing more to forward or follow. */
export function isClosedStatus(status: string): boolean {
  return CLOSED.has(status);
}

/** The marker of the note telling the customer's request that its linked request reached `status`. */
export function linkedStatusMarker(requestNodeId: string, status: string): string {
  return noteMarker('xurrent-status', `${requestNodeId}:${status}`);
}

export interface FollowedRequest {
  id: string;
  status: string;
  noteTexts: readonly string[];
}

export interface LinkedRequest {
  /** `#<number>` as agents at Xurrent see it. */
  label: string;
  status: string;
}

export interface LinkedFollowUp {
  internalNote: string | null;
  /** `assigned` once Xurrent completed its request: the fix is for the customer's agent to verify. */
  status: 'assigned' | null;
  /** Whether to poll again after the interval. */
  next: 'continue' | 'stop';
}

/**
 * One poll of the linked request at Xurrent: each status it reaches is noted once on the customer's
 * request (marker per status, so a repeated poll or a lost Redis never notes it twice); when Xurrent
 * completes it, the note asks for verification and the customer's request goes back to `assigned`,
 * and following stops. Following also stops once the customer's request itself is closed.
 */
export function planLinkedFollowUp(request: FollowedRequest, linked: LinkedRequest | null): LinkedFollowUp {
  if (CLOSED.has(request.status)) return { internalNote: null, status: null, next: 'stop' };
  if (!linked) return { internalNote: null, status: null, next: 'continue' };
  const marker = linkedStatusMarker(request.id, linked.status);
  const completed = linked.status === 'completed';
  if (hasMarker(request.noteTexts, marker)) return { internalNote: null, status: null, next: completed ? 'stop' : 'continue' };
  if (!completed) {
    return {
      internalNote: `Xurrent's linked request ${linked.label} is now ${linked.status.replace(/_/g, ' ')}.\n${marker}`,
      status: null,
      next: 'continue',
    };
  }
  const note = `Xurrent has completed its linked request ${linked.label}. Please verify the fix with the customer; this request is back in assigned.\n${marker}`;
  return { internalNote: note, status: request.status === 'assigned' ? null : 'assigned', next: 'stop' };
}

/**
 * What a reconcile of a break-fix request means for request mode: `forward` while no linked request
 * is recorded in `supplierRequestID`, `follow` (make sure a poll is pending) while Xurrent has not
 * completed it, `none` otherwise (other mode, not escalated, closed, or Xurrent done).
 */
export function breakFixRequestAction(input: {
  mode: 'supplier' | 'request';
  escalated: boolean;
  request: FollowedRequest;
  supplierRequestId: string | null;
}): 'forward' | 'follow' | 'none' {
  if (input.mode !== 'request' || !input.escalated || CLOSED.has(input.request.status)) return 'none';
  if (hasMarker(input.request.noteTexts, linkedStatusMarker(input.request.id, 'completed'))) return 'none';
  return input.supplierRequestId ? 'follow' : 'forward';
}
