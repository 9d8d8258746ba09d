import type { Queue } from 'bullmq';
import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import { mayNeedProblem } from '../src/domain/problems/incident-row.js';
import type { TicketFacts } from '../src/domain/notes/ticket-facts.js';
import { isImpact } from '../src/domain/triage/categories.js';
import { enqueueProblemCheck } from '../src/queue/problem-producer.js';

/**
 * Queues a problem check after a reconcile, only for incidents that could lead to a problem (Top,
 * or impact in PROBLEM_IMPACTS, not yet linked): most requests then cost problem management nothing.
 * A separate queue keeps the reconcile at one query and one update, and a failed problem write
 * retries on its own without repeating the reconcile.
 */
export function createProblemTrigger(queue: Queue, impacts: readonly string[]) {
  return async (request: RequestDetail, facts: TicketFacts): Promise<void> => {
    if (facts.kind !== 'incident') return;
    const candidate = { priority: facts.priority, impact: isImpact(request.impact) ? request.impact : null, problemId: request.problem?.id ?? null };
    if (mayNeedProblem(candidate, impacts)) await enqueueProblemCheck(queue, { requestNodeId: request.id });
  };
}
