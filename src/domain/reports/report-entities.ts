import type { Priority } from '../triage/categories.js';
import type { RcaPromise } from '../problems/rca-promises.js';
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
   * When the RCA report (a note with an `RCA_REPORT_TAGS` tag) went on the problem, or null; absent
   * in records kept before issue 17, which are read with the old rule (solved = done).
   */
  rcaReportAtMs?: number | null | undefined;
  /** The RCA promises on the problem (rca-promises.ts); absent in older records. */
  promises?: readonly RcaPromise[] | undefined;
}

export type RcaStatus = 'due' | 'overdue' | 'done';

/**
 * RCA done once its report is on the problem (§2.3), solved or not; overdue after its target at
 * `asOfMs` until then. Records kept before the report was tracked keep their rule: solved = done.
 */
export function rcaStatusOf(problem: ReportProblem, asOfMs: number): RcaStatus {
  const doneAtMs = problem.rcaReportAtMs === undefined ? problem.solvedAtMs : problem.rcaReportAtMs;
  if (doneAtMs !== null && doneAtMs <= asOfMs) return 'done';
  return asOfMs > problem.rcaDueMs ? 'overdue' : 'due';
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

/** The RCA lines of the problems: each Top-incident and customer-request promise, with the problem's report date. */
export function rcaLinesOf(problems: readonly ReportProblem[], asOfMs: number): RcaLine[] {
  const lines: RcaLine[] = [];
  for (const problem of problems) {
    const reportAtMs = problem.rcaReportAtMs ?? null;
    for (const promise of problem.promises ?? []) {
      if (promise.reason === 'repeated_incidents') continue;
      const done = reportAtMs !== null && reportAtMs <= asOfMs;
      const overdue = !done && asOfMs > promise.dueMs;
      lines.push({
        reason: promise.reason,
        requestId: promise.subject,
        problemId: problem.problemId,
        problemNumber: problem.number,
        rcaDueMs: promise.dueMs,
        reportAtMs: done ? reportAtMs : null,
        state: done ? 'done' : overdue ? 'overdue' : 'due',
        onTime: done ? reportAtMs <= promise.dueMs : overdue ? false : null,
      });
    }
  }
  return lines.sort((a, b) => a.rcaDueMs - b.rcaDueMs || a.requestId.localeCompare(b.requestId));
}
