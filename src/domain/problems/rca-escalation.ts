import { rcaFollowUpTargetMs } from './rca-coverage.js';
import type { EscalationRecord, WorkflowState } from '../workflow/workflow-state.js';

/** The key of a problem's overdue-RCA escalation in each linked incident's workflow state. */
export function rcaOverdueKey(problemId: string): string {
  return `rca_overdue:${problemId}`;
}

/**
 * An overdue root-cause analysis escalates to the Service Support Manager: each incident linked to
 * the problem records that escalation (no SLA target) once per problem, at the instant the worker
 * escalated (epoch ms). Returns the state with the record added, or null when it is already there.
 */
export function withRcaOverdueEscalation(state: WorkflowState, problemId: string, nowMs: number): WorkflowState | null {
  const key = rcaOverdueKey(problemId);
  if (state.escalations.some((e) => e.key === key)) return null;
  const record: EscalationRecord = { key, level: 'service_support_manager', target: null, atMs: nowMs };
  return { ...state, escalations: [...state.escalations, record] };
}

/**
 * Whether an RCA timer of `stage` firing at `nowMs` escalates the problem's incidents: only the
 * overdue stage, only while some promise has no report covering it (solved or not) and the
 * follow-up's target (rca-coverage.ts `rcaFollowUpTargetMs`) has passed.
 */
export function rcaOverdueApplies(
  problem: { status: string; analysisTargetAtMs: number | null; rcaReportAtMs?: number | null; openRcaDueMs?: number | null },
  stage: 'warning' | 'overdue',
  nowMs: number,
): boolean {
  // Solved without its RCA report still counts as overdue (§2.3: the report goes on the problem).
  if (stage !== 'overdue' || problem.status === 'declined' || (problem.rcaReportAtMs ?? null) !== null) return false;
  const targetMs = rcaFollowUpTargetMs(problem.analysisTargetAtMs, problem.openRcaDueMs ?? null);
  return targetMs !== null && nowMs >= targetMs;
}
