import type { Priority } from '../triage/categories.js';
import type { RcaPromise } from '../problems/rca-promises.js';
import { promiseReportAtMs, rcaCoverageOf, rcaFollowUpTargetMs } from '../problems/rca-coverage.js';
import { rcaStateOf } from '../problems/rca-report.js';
import type { ReportCustomer } from './sla-record.js';

/** One request as kept for reporting: ids and facts only, no subject or people. */
export interface ReportRequest {
  /** Xurrent node id. */
  requestId: string;
  /** The number agents see (a record id, not personal data), when known. */
  number: string | null;
  kind: 'incident' | 'rfi' | 'rfc' | 'other';
  priority: Priority | null;
  serviceInstance: string | null;
  /** Registration, epoch ms. */
  createdAtMs: number;
  /** The problem the request is linked to in Xurrent, when the worker saw one. */
  problemId: string | null;
  /** Its escalations to the SSM and CTO (§2.8), the customer's apart from the breach ladder's; absent in older records. */
  escalations?: readonly ReportEscalation[] | undefined;
  /** The request's customer (an account: not personal data); absent or null when not known. */
  customer?: ReportCustomer | null | undefined;
  /** In the section 3 SLA's scope (the IV Integratiedienst, issue 16); absent: kept before scope was, read as in scope. */
  inSla?: boolean | undefined;
  /** Xurrent's `downtimeStartAt`/`downtimeEndAt` (epoch ms), when an agent filled them in. */
  downtimeStartMs?: number | null | undefined;
  downtimeEndMs?: number | null | undefined;
  /** When the request was completed (resolved), null while open. */
  completedAtMs?: number | null | undefined;
}

/** One escalation for the review's escalation table: no person, only the level, why and when. */
export interface ReportEscalation {
  level: 'service_support_manager' | 'cto';
  reason: 'customer' | 'breach';
  atMs: number;
}

export type ProblemOpenReason = 'top_incident' | 'repeated_incidents' | 'customer_request';

/** One problem the worker opened, as kept for reporting. */
export interface ReportProblem {
  problemId: string;
  number: string | null;
  reason: ProblemOpenReason;
  createdAtMs: number;
  /** The RCA target (`analysisTargetAt`), epoch ms. */
  rcaDueMs: number;
  /** When the problem was solved (its RCA done), or null while open. */
  solvedAtMs: number | null;
  requestIds: readonly string[];
  /**
   * When RCA reports (notes with an `RCA_REPORT_TAGS` tag) covered every promise (rca-coverage.ts),
   * or null; absent in records kept before issue 17, which are read with the old rule (solved = done).
   * Records kept before the report dates were (no `rcaReportTimesMs`) hold the first report here,
   * and it covers every promise, as it did then.
   */
  rcaReportAtMs?: number | null | undefined;
  /** The RCA promises on the problem (rca-promises.ts), with when each was made; absent in older records. */
  promises?: readonly RcaPromise[] | undefined;
  /** Every RCA report's date on the problem, so each promise finds its own report; absent in older records. */
  rcaReportTimesMs?: readonly number[] | undefined;
}

export type RcaStatus = 'due' | 'overdue' | 'done';

/**
 * RCA done once reports cover every promise on the problem (§2.3, each Top incident its own), solved
 * or not; overdue after its target at `asOfMs` until then: the earliest promise still owed, or the
 * later target a problem manager agreed. Records kept before the report dates were: done at their
 * report; before the report was tracked at all, their rule: solved = done.
 */
export function rcaStatusOf(problem: ReportProblem, asOfMs: number): RcaStatus {
  if (problem.rcaReportTimesMs !== undefined) {
    const coverage = rcaCoverageOf(problem.promises ?? [], problem.rcaReportTimesMs, asOfMs);
    if (coverage.coveredAtMs !== null) return 'done';
    return asOfMs > (rcaFollowUpTargetMs(problem.rcaDueMs, coverage.openDueMs) ?? problem.rcaDueMs) ? 'overdue' : 'due';
  }
  const doneAtMs = problem.rcaReportAtMs === undefined ? problem.solvedAtMs : problem.rcaReportAtMs;
  if (doneAtMs !== null && doneAtMs <= asOfMs) return 'done';
  return asOfMs > problem.rcaDueMs ? 'overdue' : 'due';
}

/** The report covering one of the problem's promises (rca-coverage.ts); older records: the problem's report. */
export function promiseReportOf(problem: ReportProblem, promise: RcaPromise): number | null {
  if (problem.rcaReportTimesMs === undefined) return problem.rcaReportAtMs ?? null;
  return promiseReportAtMs(promise, problem.rcaReportTimesMs);
}

/**
 * A Top incident's RCA state: its own promise's (issue 17 point 4), not the problem's earliest
 * target, when it has one: due on its own date and done by a report dated at or after it (§2.3).
 */
export function ownRcaStatusOf(problem: ReportProblem, own: RcaPromise | undefined, asOfMs: number): RcaStatus {
  if (!own) return rcaStatusOf(problem, asOfMs);
  if (problem.rcaReportTimesMs === undefined) return rcaStatusOf({ ...problem, rcaDueMs: own.dueMs }, asOfMs);
  return rcaStateOf(own.dueMs, promiseReportOf(problem, own), asOfMs).state;
}

/** One RCA the review lists (issue 17 point 5): per Top incident and per customer request. */
export interface RcaLine {
  reason: 'top_incident' | 'customer_request';
  requestId: string;
  problemId: string;
  problemNumber: string | null;
  rcaDueMs: number;
  /** When the report went on the problem, or null. */
  reportAtMs: number | null;
  state: RcaStatus;
  /** Report on or before the due date; false once overdue without one; null while due. */
  onTime: boolean | null;
}

/** The RCA lines of the problems: each Top-incident and customer-request promise, with its own report's date. */
export function rcaLinesOf(problems: readonly ReportProblem[], asOfMs: number): RcaLine[] {
  const lines: RcaLine[] = [];
  for (const problem of problems) {
    for (const promise of problem.promises ?? []) {
      if (promise.reason === 'repeated_incidents') continue;
      const reportAtMs = promiseReportOf(problem, promise);
      const { state, onTime } = rcaStateOf(promise.dueMs, reportAtMs, asOfMs);
      lines.push({
        reason: promise.reason,
        requestId: promise.subject,
        problemId: problem.problemId,
        problemNumber: problem.number,
        rcaDueMs: promise.dueMs,
        reportAtMs: state === 'done' ? reportAtMs : null,
        state,
        onTime,
      });
    }
  }
  return lines.sort((a, b) => a.rcaDueMs - b.rcaDueMs || a.requestId.localeCompare(b.requestId));
}
