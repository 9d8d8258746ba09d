import { PROBLEM_FOLLOW_UP_BY_ID, ProblemFollowUpByIdSchema } from '../schema/graphql/problem-follow-up.js';
import { PROBLEM_UPDATE, ProblemUpdateResultSchema } from '../schema/graphql/problem-update.js';
import { rcaOverdueApplies, withRcaOverdueEscalation } from '../src/domain/problems/rca-escalation.js';
import { planRcaFollowUp, type RcaFollowUpPolicy } from '../src/domain/problems/rca-follow-up.js';
import { DEFAULT_RCA_REPORT_TAGS } from '../src/domain/problems/rca-report.js';
import { rcaFactsOf } from '../src/domain/problems/rca-coverage.js';
import type { RcaTimers } from '../src/queue/rca-timers.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { WorkflowStore } from '../src/state/workflow-store.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface RcaFollowUpDeps {
  timers: RcaTimers;
  /** The linked incidents' workflow state, where an overdue RCA is recorded as an escalation. */
  store: WorkflowStore;
  /** The same per-request locks as the reconcile, so a state write never races a reconcile's. */
  requestLocks: KeyedLocks;
  policy: RcaFollowUpPolicy;
}

const BUSY_RETRY_MS = 500;

/**
 * An RCA timer fired: re-read the problem (it may be solved, or its target moved) and warn the
 * problem manager or escalate to the Service Support Manager with one note on the problem, found
 * again by its marker; a moved target gets a new timer instead. An overdue RCA also records the
 * escalation on each linked incident (once per problem; a retry finds the note and the records).
 */
export function createRcaFollowUpProcessor({ timers, store, requestLocks, policy }: RcaFollowUpDeps) {
  return async function processRcaFollowUp(data: JobData<'rcaFollowUp'>, ctx: JobContext): Promise<{ action: string; escalated: number }> {
    const { problemNodeId, stage } = data;
    const calls = ctx.xurrent;
    const { node } = await calls.request(PROBLEM_FOLLOW_UP_BY_ID, { id: problemNodeId }, ProblemFollowUpByIdSchema);
    if (!node) return { action: 'none', escalated: 0 };
    const notes = (node.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', createdAtMs: n.createdAt ? Date.parse(n.createdAt) : null }));
    // Done only once every promise has a report written at or after it (§2.3: each Top incident its own).
    const rca = rcaFactsOf(notes, policy.reportTags ?? DEFAULT_RCA_REPORT_TAGS);
    const problem = {
      id: node.id,
      label: node.problemId ? `#${node.problemId}` : node.id,
      status: node.status ?? '',
      analysisTargetAtMs: node.analysisTargetAt ? Date.parse(node.analysisTargetAt) : null,
      noteTexts: notes.map((n) => n.text),
      rcaReportAtMs: rca.coveredAtMs,
      openRcaDueMs: rca.openDueMs,
    };
    const nowMs = ctx.clock.now();
    const plan = planRcaFollowUp(problem, stage, nowMs, policy);
    if (plan.action === 'wait') await timers.schedule({ problemNodeId, stage, fireAtMs: plan.untilMs });
    if (plan.action === 'note')
      await calls.request(PROBLEM_UPDATE, { input: { id: problemNodeId, note: plan.note } }, ProblemUpdateResultSchema);
    const incidents = rcaOverdueApplies(problem, stage, nowMs) ? (node.requests?.nodes ?? []).map((r) => r.id) : [];
    const escalated = await recordEscalations(incidents, problemNodeId, nowMs, { store, requestLocks });
    if (escalated === 'busy') {
      // The note is written (its marker stops a second one); the retry only adds the records.
      return ctx.retryLater(BUSY_RETRY_MS);
    }
    ctx.log.info('rca follow-up', {
      component: 'problems',
      problemNodeId,
      stage,
      action: plan.action,
      escalated,
      xurrentCalls: calls.calls(),
    });
    return { action: plan.action, escalated };
  };
}

/** Adds the overdue-RCA escalation to each incident's state under its request lock; 'busy' when one is held. */
async function recordEscalations(
  incidentIds: readonly string[],
  problemNodeId: string,
  nowMs: number,
  deps: Pick<RcaFollowUpDeps, 'store' | 'requestLocks'>,
): Promise<number | 'busy'> {
  let added = 0;
  for (const id of incidentIds) {
    const lock = await deps.requestLocks.tryAcquire(id);
    if (!lock) return 'busy';
    try {
      const next = withRcaOverdueEscalation(await deps.store.load(id), problemNodeId, nowMs);
      if (next) {
        await deps.store.save(id, next);
        added += 1;
      }
    } finally {
      await lock.release();
    }
  }
  return added;
}
