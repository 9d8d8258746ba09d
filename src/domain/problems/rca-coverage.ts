import { rcaPromisesOfNotes, type RcaPromise } from './rca-promises.js';
import { rcaReportTimesMs } from './rca-report.js';

/**
 * Contract §2.3 ("Voor Top-incidenten wordt altijd pro-actief een RCA uitgevoerd", its report added
 * to the problem record within a month) and §3.3: each Top incident owes its own RCA and each reason
 * keeps its own promise. A report covers a promise when it is dated at or after the promise was
 * made: a report written before a Top incident existed is not that incident's RCA. A promise whose
 * date is not known (only note texts were read, records kept before) is covered by any report, as before.
 * The promise's report: the first covering it (epoch ms), or null.
 */
export function promiseReportAtMs(promise: Pick<RcaPromise, 'promisedAtMs'>, reportTimesMs: readonly number[]): number | null {
  const from = promise.promisedAtMs;
  const covering = reportTimesMs.filter((t) => from === undefined || t >= from);
  return covering.length > 0 ? Math.min(...covering) : null;
}

export interface RcaCoverage {
  /**
   * When every promise was covered (the latest of their reports), null while one is not. A problem
   * without promises (one a person opened) is done at its first report, as before.
   */
  coveredAtMs: number | null;
  /** The earliest due of the promises no report covers yet; null when none is open. */
  openDueMs: number | null;
}

/**
 * The problem's RCA as of `asOfMs` (absent: now, everything known): promises made later and
 * reports written later are left out, so a past period reads as it stood then.
 */
export function rcaCoverageOf(promises: readonly RcaPromise[], reportTimesMs: readonly number[], asOfMs = Infinity): RcaCoverage {
  const reports = reportTimesMs.filter((t) => t <= asOfMs);
  const made = promises.filter((p) => p.promisedAtMs === undefined || p.promisedAtMs <= asOfMs);
  if (made.length === 0) return { coveredAtMs: reports.length > 0 ? Math.min(...reports) : null, openDueMs: null };
  const covered = made.map((p) => promiseReportAtMs(p, reports));
  const open = made.filter((_, i) => covered[i] === null).map((p) => p.dueMs);
  if (open.length > 0) return { coveredAtMs: null, openDueMs: Math.min(...open) };
  return { coveredAtMs: Math.max(...(covered as number[])), openDueMs: null };
}

/** The promises and reports of a problem's notes (text and createdAt) and their coverage now. */
export interface RcaFacts extends RcaCoverage {
  promises: RcaPromise[];
  reportTimesMs: number[];
}

export function rcaFactsOf(notes: readonly { text: string; createdAtMs: number | null }[], tags: readonly string[]): RcaFacts {
  const promises = rcaPromisesOfNotes(notes);
  const reportTimesMs = rcaReportTimesMs(notes, tags);
  return { promises, reportTimesMs, ...rcaCoverageOf(promises, reportTimesMs) };
}

/**
 * The instant the RCA follow-up (warning, overdue escalation) works to: the earliest uncovered
 * promise's due, unless the problem's `analysisTargetAt` is later (a problem manager agreed another
 * target). With no uncovered promise known, `analysisTargetAt` alone; null without either.
 */
export function rcaFollowUpTargetMs(analysisTargetAtMs: number | null, openDueMs: number | null): number | null {
  if (openDueMs === null) return analysisTargetAtMs;
  return analysisTargetAtMs === null ? openDueMs : Math.max(openDueMs, analysisTargetAtMs);
}
