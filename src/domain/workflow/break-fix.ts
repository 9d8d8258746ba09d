import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { Triage } from '../triage/classify.js';
import type { RequestSnapshot } from './request-snapshot.js';
import type { EscalationRecord } from './workflow-state.js';

export interface BreakFixPolicy {
  /** Service instances standing for the Xurrent service itself. */
  xurrentServiceInstanceIds: readonly string[];
  /** Xurrent as a supplier organization (node id); null: the supplier is left to the agent. */
  supplierOrganizationId: string | null;
  /** `request`: the worker also registers a linked request at Xurrent's support and follows it. */
  mode?: 'supplier' | 'request';
}

export interface BreakFixPlan {
  internalNote: string | null;
  /** A note for the requester, when the contract has something to tell them. */
  publicNote: string | null;
  supplierId: string | null;
  status: string | null;
  records: EscalationRecord[];
}

const NONE: BreakFixPlan = { internalNote: null, publicNote: null, supplierId: null, status: null, records: [] };
/** The break-fix escalation's key in the workflow state (once per request). */
export const BREAK_FIX_KEY = 'xurrent:break_fix';
const KEY = BREAK_FIX_KEY;
const STOPPED = new Set(['completed', 'declined', 'rejected']);

/**
 * Break-fix: an incident on a service instance of the Xurrent service, or a request for change
 * about Xurrent's standard functionality, is escalated to Xurrent once: Xurrent becomes the supplier
 * (when configured), the request waits for it (`waiting_for`), and an internal note says so; in
 * request mode the note announces the linked request the worker registers and follows. For a Top
 * incident registered outside support hours the requester is told they may also contact Xurrent
 * directly (the contract's rule for Top outside office hours). Nothing happens to a closed request.
 */
export function planBreakFix(
  snapshot: RequestSnapshot,
  triage: Triage,
  done: ReadonlySet<string>,
  nowMs: number,
  context: { policy: BreakFixPolicy; calendar: BusinessCalendar },
): BreakFixPlan {
  const onXurrent = snapshot.serviceInstanceId !== null && context.policy.xurrentServiceInstanceIds.includes(snapshot.serviceInstanceId);
  const applies = onXurrent && (triage.kind === 'incident' || triage.flags.includes('forwarded_to_xurrent'));
  if (!applies || done.has(KEY) || STOPPED.has(snapshot.status)) return NONE;

  const record: EscalationRecord = { key: KEY, level: 'xurrent', target: null, atMs: nowMs };
  const marker = noteMarker('esc', `${snapshot.id}:${KEY}`);
  if (hasMarker(snapshot.noteTexts, marker)) return { ...NONE, records: [record] };

  const what = triage.kind === 'incident' ? 'this incident concerns the Xurrent service itself' : "this request for change concerns Xurrent's standard functionality";
  const lines = [
    `Escalated to Xurrent (break-fix): ${what}.`,
    context.policy.supplierOrganizationId ? 'Xurrent is set as supplier; the request waits for Xurrent.' : 'The request waits for Xurrent; set Xurrent as supplier.',
    context.policy.mode === 'request'
      ? "The support worker registers a linked request at Xurrent's support (its id goes into the supplier request ID) and notes its progress here until Xurrent completes it."
      : "Record Xurrent's reference in the supplier request ID and follow it up until Xurrent has fixed it.",
    marker,
  ];
  const outsideHours = context.calendar.businessMillisBetween(snapshot.createdAtMs, snapshot.createdAtMs + 1) === 0;
  const topOutsideHours = triage.kind === 'incident' && triage.priority === 'top' && outsideHours;
  return {
    internalNote: lines.join('\n'),
    publicNote: topOutsideHours ? topOutsideHoursNote(snapshot.id) : null,
    supplierId: context.policy.supplierOrganizationId,
    status: snapshot.status === 'waiting_for' ? null : 'waiting_for',
    records: [record],
  };
}

function topOutsideHoursNote(requestId: string): string {
  return [
    'Your incident stops the Xurrent service for several users and was registered outside our support hours.',
    'We have escalated it to Xurrent. For a Top incident outside office hours you may also contact Xurrent support directly.',
    noteMarker('top-outside-hours', requestId),
  ].join('\n');
}
