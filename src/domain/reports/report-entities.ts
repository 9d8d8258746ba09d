import type { Priority } from '../triage/categories.js';
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
  /** The request's customer (an account: not personal data); absent or null when not known. */
  customer?: ReportCustomer | null;
  /** In the section 3 SLA's scope (the IV Integratiedienst, issue 16); absent: kept before scope was, read as in scope. */
  inSla?: boolean;
  /** Xurrent's `downtimeStartAt`/`downtimeEndAt` (epoch ms), when an agent filled them in. */
  downtimeStartMs?: number | null;
  downtimeEndMs?: number | null;
  /** When the request was completed (resolved), null while open. */
  completedAtMs?: number | null;
}

export type ProblemOpenReason = 'top_incident' | 'repeated_incidents';

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
}

export type RcaStatus = 'due' | 'overdue' | 'done';

/** RCA done once the problem is solved; overdue when still open after its target at `asOfMs`. */
export function rcaStatusOf(problem: ReportProblem, asOfMs: number): RcaStatus {
  if (problem.solvedAtMs !== null && problem.solvedAtMs <= asOfMs) return 'done';
  return asOfMs > problem.rcaDueMs ? 'overdue' : 'due';
}
