import { NOTE_MARKER_PREFIX } from '../notes/render-notes.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { Priority } from '../triage/categories.js';
import type { RecordEscalation } from './records-of-history.js';

/** What Xurrent keeps of a request's SLA (its affected SLA), instants in epoch ms. */
export interface XurrentSlaAccounting {
  createdAtMs: number;
  /** The priority the contract's rules give the request now (a priority change re-evaluates from the start anyway). */
  priority: Priority;
  status: string;
  actualResponseAtMs: number | null;
  actualResolutionAtMs: number | null;
  stoppedClockPeriods: readonly { fromMs: number; toMs: number | null }[];
  /**
   * When the worker asked the requester for missing registration details (`incompleteAsksFromNotes`):
   * a stopped-clock period starting then is its `incomplete_request` pause. Absent: none known.
   */
  incompleteAsksAtMs?: readonly number[];
}

/**
 * How far apart the ask note and the start of the stopped clock may lie: the worker writes both in
 * one `requestUpdate`, which Xurrent stamps as one change; an agent's later waiting_for_customer
 * would start a new period only after the worker's pause ended, minutes or more later.
 */
export const ASK_MATCH_MS = 5_000;

/**
 * A request history the SLA engine can replay, rebuilt from Xurrent's SLA accounting when the
 * worker's own records are missing: created; a response (`in_progress`: which responding status Xurrent does not say) at the actual response; for
 * each stopped-clock period `waiting_for_customer` from its start and `in_progress` at its end;
 * `completed` at the actual resolution while the request is completed. Xurrent's periods carry no
 * reason: one that starts at a worker's ask for missing details (within `ASK_MATCH_MS`) is
 * recorded as the `incomplete_request` pause it was. What it cannot know: the time between a
 * completion and a reopen (Xurrent keeps the last resolution only), and when a root cause was recorded.
 */
export function historyFromXurrent(accounting: XurrentSlaAccounting): RequestEvent[] {
  const events: RequestEvent[] = [{ kind: 'created', at: accounting.createdAtMs, priority: accounting.priority }];
  if (accounting.actualResponseAtMs !== null) events.push({ kind: 'status-changed', at: accounting.actualResponseAtMs, status: 'in_progress' });
  const asks = accounting.incompleteAsksAtMs ?? [];
  for (const period of accounting.stoppedClockPeriods) {
    const asked = asks.some((at) => Math.abs(at - period.fromMs) <= ASK_MATCH_MS);
    events.push({ kind: 'status-changed', at: period.fromMs, status: 'waiting_for_customer', ...(asked ? { reason: 'incomplete_request' as const } : {}) });
    if (period.toMs !== null) events.push({ kind: 'status-changed', at: period.toMs, status: 'in_progress' });
  }
  if (accounting.status === 'completed' && accounting.actualResolutionAtMs !== null) {
    events.push({ kind: 'status-changed', at: accounting.actualResolutionAtMs, status: 'completed' });
  }
  // Stable by instant: a response by waiting for the customer is `in_progress` then `waiting_for_customer` at one instant.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map(({ e }) => e);
}

const ESCALATION_MARKER = new RegExp(`\\[${NOTE_MARKER_PREFIX}esc:([^:\\]]+):(response|resolution):([a-z_]+)\\]`, 'g');

/** The worker's SLA escalations of a request, from the markers of its notes (dated by the note). */
export function escalationsFromNotes(requestId: string, notes: readonly { text: string; atMs: number }[]): RecordEscalation[] {
  const found: RecordEscalation[] = [];
  for (const note of notes) {
    // One note may carry several escalations (the worker joins a run's notes into one).
    for (const match of note.text.matchAll(ESCALATION_MARKER)) {
      if (match[1] === requestId) found.push({ level: match[3] as string, target: match[2] as 'response' | 'resolution', atMs: note.atMs });
    }
  }
  return found;
}

/**
 * When the worker first asked the requester for missing registration details, from the marker of
 * its ask note (`[xsw:incomplete:<request id>]`, dated by the note). Answers to later replies carry
 * the reply count in their marker and pause nothing, so they are not read.
 */
export function incompleteAsksFromNotes(requestId: string, notes: readonly { text: string; atMs: number }[]): number[] {
  const marker = `[${NOTE_MARKER_PREFIX}incomplete:${requestId}]`;
  return notes.filter((n) => n.text.includes(marker)).map((n) => n.atMs);
}
