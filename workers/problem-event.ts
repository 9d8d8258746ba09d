import { DEFAULT_RCA_REPORT_TAGS } from '../src/domain/problems/rca-report.js';
import { rcaFactsOf, rcaFollowUpTargetMs } from '../src/domain/problems/rca-coverage.js';
import { PROBLEM_OUTCOME_BY_ID, ProblemOutcomeByIdSchema, type ProblemOutcome } from '../schema/graphql/problem-outcome.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../schema/graphql/request-update.js';
import type { FormatInstant } from '../src/domain/notes/ticket-facts.js';
import { planOutcomeNotes, type SolvedProblem } from '../src/domain/problems/plan-outcome-notes.js';
import { PROBLEM_SOURCE } from '../src/domain/problems/problem-group.js';
import { computeRcaWarningAtMs, type RcaFollowUpPolicy } from '../src/domain/problems/rca-follow-up.js';
import type { ReportStore } from '../src/reports/report-store.js';
import type { RcaTimers } from '../src/queue/rca-timers.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface ProblemEventDeps {
  locks: KeyedLocks;
  /** Scheduled again on every event (same ids: no duplicates), so a lost timer is restored by the next event. */
  rcaTimers: RcaTimers;
  rca: Pick<RcaFollowUpPolicy, 'warningBusinessDays' | 'calendar' | 'reportTags'>;
  format: FormatInstant;
  /** Marks the worker's problems solved (RCA done) for the SLA review. */
  reports?: Pick<ReportStore, 'markProblemSolved'> & Partial<Pick<ReportStore, 'markProblemRca'>>;
  /** `RCA_REPORT_TAGS` (absent: `#rca`). */
  rcaReportTags?: readonly string[];
  /** Reconciles the linked incidents once the problem shows their root cause (analyzed, known error, workaround: §3.2). */
  reconcileLinked?: (requestNodeIds: readonly string[]) => Promise<void>;
}

/** Problem statuses at and after the analysis (the linked incidents' resolution clocks start: request-signals.ts). */
const ANALYZED = new Set(['analyzed', 'change_requested', 'solved']);

const BUSY_RETRY_MS = 500;

/**
 * Any event about a problem the worker opened: read the problem as it is now; while it is open,
 * (re)schedule its RCA timers at its current target; once it is solved, tell every linked incident
 * the outcome (one internal note each, found again by marker). Any problem, the worker's or an agent's,
 * that shows its root cause reconciles its linked incidents at once.
 * Under a lock per problem, so a burst of events writes each note once.
 */
export function createProblemEventProcessor({ locks, rcaTimers, rca, format, reports, reconcileLinked, rcaReportTags }: ProblemEventDeps) {
  return async function processProblemEvent(data: JobData<'problemEvent'>, ctx: JobContext): Promise<{ notes: number }> {
    const { problemNodeId, event } = data;
    return ctx.withRequestLock(locks, `problem-outcome:${problemNodeId}`, BUSY_RETRY_MS, async () => {
      const calls = ctx.xurrent;
      const { node } = await calls.request(PROBLEM_OUTCOME_BY_ID, { id: problemNodeId }, ProblemOutcomeByIdSchema);
      // Only the worker's own problems: others are the problem manager's business alone.
      const ours = node !== null && node.source === PROBLEM_SOURCE;
      const notes = ours ? planOutcomeNotes(toSolvedProblem(node), format) : [];
      const problemNotes = (node?.notes?.nodes ?? []).map((n) => ({
        text: n.text ?? '',
        createdAtMs: n.createdAt ? Date.parse(n.createdAt) : null,
      }));
      const rcaFacts = rcaFactsOf(problemNotes, rcaReportTags ?? rca.reportTags ?? DEFAULT_RCA_REPORT_TAGS);
      const targetAtMs = node?.analysisTargetAt ? Date.parse(node.analysisTargetAt) : null;
      // Followed up until reports cover every promise, solved or not (§2.3: each Top incident its own
      // RCA); a declined problem needs none. The timers work to the earliest promise still owed.
      const dueMs =
        ours && node.status !== 'declined' && rcaFacts.coveredAtMs === null ? rcaFollowUpTargetMs(targetAtMs, rcaFacts.openDueMs) : null;
      if (ours) {
        await reports?.markProblemRca?.(node.id, {
          rcaDueMs: targetAtMs,
          rcaReportAtMs: rcaFacts.coveredAtMs,
          promises: rcaFacts.promises,
          rcaReportTimesMs: rcaFacts.reportTimesMs,
        });
      }
      if (dueMs !== null) {
        await rcaTimers.schedule({
          problemNodeId,
          stage: 'warning',
          fireAtMs: computeRcaWarningAtMs(dueMs, rca.warningBusinessDays, rca.calendar),
        });
        await rcaTimers.schedule({ problemNodeId, stage: 'overdue', fireAtMs: dueMs });
      }
      if (ours && node.status === 'solved' && node.solvedAt) await reports?.markProblemSolved(node.id, Date.parse(node.solvedAt));
      for (const note of notes)
        await calls.request(REQUEST_UPDATE, { input: { id: note.requestId, internalNote: note.internalNote } }, RequestUpdateResultSchema);
      // Any problem, an agent's too: the incidents' resolution clocks start at that change (§3.2), and a
      // reconcile now dates it at the problem's state as the event brings it, not at a later update.
      const rootCause = node !== null && (ANALYZED.has(node.status ?? '') || node.knownError === true || Boolean(node.workaround?.trim()));
      if (rootCause) await reconcileLinked?.((node.requests?.nodes ?? []).map((r) => r.id));
      ctx.log.info('problem event', {
        component: 'problems',
        event,
        problemNodeId,
        status: node?.status,
        notes: notes.length,
        xurrentCalls: calls.calls(),
      });
      return { notes: notes.length };
    });
  };
}

function toSolvedProblem(node: ProblemOutcome): SolvedProblem {
  return {
    id: node.id,
    label: node.problemId ? `#${node.problemId}` : node.id,
    subject: node.subject ?? '',
    status: node.status ?? '',
    solvedAtMs: node.solvedAt ? Date.parse(node.solvedAt) : null,
    knownError: node.knownError === true,
    workaround: node.workaround ?? null,
    incidents: (node.requests?.nodes ?? []).map((r) => ({ id: r.id, noteTexts: (r.notes?.nodes ?? []).map((n) => n.text ?? '') })),
  };
}
