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
  /** `notAccountable`: a period in which Xurrent's `providerNotAccountable` was set (not a wait for the customer). */
  stoppedClockPeriods: readonly { fromMs: number; toMs: number | null; notAccountable?: boolean }[];
  /** When the worker itself changed the status (`workerStatusWritesFromNotes`): a response then is not a person's. */
  workerStatusWritesAtMs?: readonly number[];
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
 * worker's own records are missing: created; a response (`in_progress`: which responding status
 * Xurrent does not say) at the actual response, marked `by: 'worker'` when the worker itself changed
 * the status then (its ask, resume or forward to Xurrent, within `ASK_MATCH_MS` of its note); for each
 * stopped-clock period `waiting_for_customer` from its start and `assigned` at its end (who ended the
 * wait Xurrent does not say, so the end is no response), or for a period in which the provider was
 * not accountable, that switch on and off; `completed` at the actual resolution while the request is
 * completed. A period that starts at a worker's ask for missing details is recorded as the
 * `incomplete_request` pause it was. What it cannot know: the time between a completion and a reopen
 * (Xurrent keeps the last resolution only); a person's status change after Xurrent's first response
 * when that first response was the worker's own (their public notes are read from the notes
 * instead); root causes and excuses come from the notes and the linked problem, not from here.
 */
export function historyFromXurrent(accounting: XurrentSlaAccounting): RequestEvent[] {
  const events: RequestEvent[] = [{ kind: 'created', at: accounting.createdAtMs, priority: accounting.priority }];
  const near = (list: readonly number[] | undefined, at: number) => (list ?? []).some((ms) => Math.abs(ms - at) <= ASK_MATCH_MS);
  if (accounting.actualResponseAtMs !== null) {
    const own = near(accounting.workerStatusWritesAtMs, accounting.actualResponseAtMs);
    events.push({
      kind: 'status-changed',
      at: accounting.actualResponseAtMs,
      status: 'in_progress',
      ...(own ? { by: 'worker' as const } : {}),
    });
  }
  for (const period of accounting.stoppedClockPeriods) {
    if (period.notAccountable) {
      events.push({ kind: 'accountability-changed', at: period.fromMs, notAccountable: true });
      if (period.toMs !== null) events.push({ kind: 'accountability-changed', at: period.toMs, notAccountable: false });
      continue;
    }
    const asked = near(accounting.incompleteAsksAtMs, period.fromMs);
    events.push({
      kind: 'status-changed',
      at: period.fromMs,
      status: 'waiting_for_customer',
      ...(asked ? { reason: 'incomplete_request' as const, by: 'worker' as const } : {}),
    });
    if (period.toMs !== null)
      events.push({
        kind: 'status-changed',
        at: period.toMs,
        status: 'assigned',
        ...(near(accounting.workerStatusWritesAtMs, period.toMs) ? { by: 'worker' as const } : {}),
      });
  }
  if (accounting.status === 'completed' && accounting.actualResolutionAtMs !== null) {
    events.push({ kind: 'status-changed', at: accounting.actualResolutionAtMs, status: 'completed' });
  }
  // Stable by instant: a response by waiting for the customer is `in_progress` then `waiting_for_customer` at one instant.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * When the worker itself changed the request's status, from the markers of the notes it wrote in
 * the same update: its ask for missing details (waiting_for_customer), its resume once complete
 * (assigned) and its break-fix forward to Xurrent (waiting_for). Dated by the note.
 */
export function workerStatusWritesFromNotes(requestId: string, notes: readonly { text: string; atMs: number }[]): number[] {
  const markers = [
    `[${NOTE_MARKER_PREFIX}incomplete:${requestId}]`,
    `[${NOTE_MARKER_PREFIX}registration-complete:${requestId}]`,
    `[${NOTE_MARKER_PREFIX}esc:${requestId}:xurrent:break_fix]`,
  ];
  return notes.filter((n) => markers.some((m) => n.text.includes(m))).map((n) => n.atMs);
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
