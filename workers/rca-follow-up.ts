import type { Job } from 'bullmq';
import { PROBLEM_FOLLOW_UP_BY_ID, ProblemFollowUpByIdSchema } from '../schema/graphql/problem-follow-up.js';
import { PROBLEM_UPDATE, ProblemUpdateResultSchema } from '../schema/graphql/problem-update.js';
import { RcaFollowUpJobSchema } from '../schema/problem-jobs.js';
import type { Clock } from '../src/clock.js';
import { planRcaFollowUp, type RcaFollowUpPolicy } from '../src/domain/problems/rca-follow-up.js';
import { PayloadError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { RcaTimers } from '../src/queue/rca-timers.js';
import type { XurrentClient } from '../src/xurrent/client.js';

export interface RcaFollowUpDeps {
  xurrent: XurrentClient;
  timers: RcaTimers;
  policy: RcaFollowUpPolicy;
  clock: Clock;
  logger: Logger;
}

/**
 * An RCA timer fired: re-read the problem (it may be solved, or its target moved) and warn the
 * problem manager or escalate to the Service Support Manager with one note on the problem, found
 * again by its marker; a moved target gets a new timer instead.
 */
export function createRcaFollowUpProcessor({ xurrent, timers, policy, clock, logger }: RcaFollowUpDeps) {
  return async function processRcaFollowUp(job: Job): Promise<{ action: string }> {
    const parsed = RcaFollowUpJobSchema.safeParse(job.data);
    if (!parsed.success) throw new PayloadError(`Bad RCA follow-up data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { problemNodeId, stage } = parsed.data;
    const calls = xurrent.counted();
    const { node } = await calls.request(PROBLEM_FOLLOW_UP_BY_ID, { id: problemNodeId }, ProblemFollowUpByIdSchema);
    if (!node) return { action: 'none' };
    const problem = {
      id: node.id,
      label: node.problemId ? `#${node.problemId}` : node.id,
      status: node.status ?? '',
      analysisTargetAtMs: node.analysisTargetAt ? Date.parse(node.analysisTargetAt) : null,
      noteTexts: (node.notes?.nodes ?? []).map((n) => n.text ?? ''),
    };
    const plan = planRcaFollowUp(problem, stage, clock.now(), policy);
    if (plan.action === 'wait') await timers.schedule({ problemNodeId, stage, fireAtMs: plan.untilMs });
    if (plan.action === 'note') await calls.request(PROBLEM_UPDATE, { input: { id: problemNodeId, note: plan.note } }, ProblemUpdateResultSchema);
    logger.info('rca follow-up', { component: 'problems', jobId: job.id, problemNodeId, stage, action: plan.action, xurrentCalls: calls.calls() });
    return { action: plan.action };
  };
}
