import { NOTE_MARKER_PREFIX, noteMarker } from '../notes/render-notes.js';

/**
 * Why a problem carries an RCA (§2.3, §3.3): repeated production-disrupting incidents, a Top
 * incident ("for Top incidents an RCA is always done proactively"), or the customer's written
 * request after a breach.
 */
export type RcaReason = 'repeated_incidents' | 'top_incident' | 'customer_request';
export const RCA_REASONS: readonly RcaReason[] = ['repeated_incidents', 'top_incident', 'customer_request'];

/** One RCA promise: a reason, for whom (a request, or the problem's group), due when. */
export interface RcaPromise {
  reason: RcaReason;
  /** The request node id (top incident, customer request) or the group's source id (repeats). */
  subject: string;
  dueMs: number;
  /**
   * When the promise was made: its marker note's createdAt (epoch ms). Absent when only the note
   * texts are known (or records kept before): any RCA report then covers the promise (rca-coverage.ts).
   */
  promisedAtMs?: number | undefined;
}

/**
 * The marker the worker writes on the problem with each promise, so the problem's reasons and due
 * dates are read back from Xurrent (a rebuild and the sweep find the same promises as the live path).
 */
export function rcaPromiseMarker(promise: RcaPromise): string {
  return noteMarker('rca-promise', `${promise.reason}:${promise.subject}:${promise.dueMs}`);
}

const PROMISE = new RegExp(
  `\\[${NOTE_MARKER_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}rca-promise:(repeated_incidents|top_incident|customer_request):([^\\]]+):(\\d+)\\]`,
  'g',
);

/** Every promise recorded in the problem's notes, in note order; one per reason and subject (the first). */
export function rcaPromisesOf(noteTexts: readonly string[]): RcaPromise[] {
  return rcaPromisesOfNotes(noteTexts.map((text) => ({ text, createdAtMs: null })));
}

/**
 * As `rcaPromisesOf`, from notes with their dates: each promise also says when it was made (its
 * marker note's createdAt), so only a report written at or after it covers it (§2.3, §3.3).
 */
export function rcaPromisesOfNotes(notes: readonly { text: string; createdAtMs: number | null }[]): RcaPromise[] {
  const seen = new Set<string>();
  const promises: RcaPromise[] = [];
  for (const { text, createdAtMs } of notes) {
    for (const [, reason, subject, due] of text.matchAll(PROMISE)) {
      const key = `${reason}:${subject}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const promise: RcaPromise = { reason: reason as RcaReason, subject: subject as string, dueMs: Number(due) };
      promises.push(createdAtMs === null ? promise : { ...promise, promisedAtMs: createdAtMs });
    }
  }
  return promises;
}

/** The problem's reasons in the order they were promised (`reason` in reports is the first). */
export function reasonsOf(promises: readonly RcaPromise[]): RcaReason[] {
  return [...new Set(promises.map((p) => p.reason))];
}

/** The earliest due of the promises given (callers pass the uncovered ones: rca-coverage.ts); null without one. */
export function earliestDueMs(promises: readonly RcaPromise[]): number | null {
  return promises.length === 0 ? null : Math.min(...promises.map((p) => p.dueMs));
}

/** True when the problem's notes hold this request's own `top_incident` promise (§3.3). */
export function hasTopPromise(noteTexts: readonly string[], requestId: string): boolean {
  return rcaPromisesOf(noteTexts).some((p) => p.reason === 'top_incident' && p.subject === requestId);
}
