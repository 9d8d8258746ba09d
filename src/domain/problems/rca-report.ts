import { NOTE_MARKER_PREFIX } from '../notes/render-notes.js';
import { findCues } from '../text/match-cues.js';

export const DEFAULT_RCA_REPORT_TAGS: readonly string[] = ['#rca'];

/**
 * §2.3: "Een RCA-rapport van de analyse wordt toegevoegd aan het probleemrecord". An RCA report is
 * a note on the problem holding a tag of `RCA_REPORT_TAGS` written by a person (the worker's own
 * notes carry a marker and never count, though they name the tag to explain it). Solving the
 * problem is not the report. Every report's date, ascending (epoch ms); notes without a date are left out.
 */
export function rcaReportTimesMs(notes: readonly { text: string; createdAtMs: number | null }[], tags: readonly string[]): number[] {
  return notes
    .filter(
      (n): n is { text: string; createdAtMs: number } =>
        n.createdAtMs !== null && !n.text.includes(`[${NOTE_MARKER_PREFIX}`) && findCues(n.text, tags).length > 0,
    )
    .map((n) => n.createdAtMs)
    .sort((a, b) => a - b);
}

/** The first RCA report on the problem (epoch ms), or null. Which promises it covers: rca-coverage.ts. */
export function rcaReportAtMs(notes: readonly { text: string; createdAtMs: number | null }[], tags: readonly string[]): number | null {
  return rcaReportTimesMs(notes, tags)[0] ?? null;
}

export type RcaState = 'due' | 'overdue' | 'done';

/** One RCA promise as the review shows it: done once the report is on the problem (even late), else due or overdue at `asOfMs`, solved or not. */
export function rcaStateOf(dueMs: number, reportAtMs: number | null, asOfMs: number): { state: RcaState; onTime: boolean | null } {
  if (reportAtMs !== null && reportAtMs <= asOfMs) return { state: 'done', onTime: reportAtMs <= dueMs };
  return { state: asOfMs > dueMs ? 'overdue' : 'due', onTime: asOfMs > dueMs ? false : null };
}
