import type { Redis } from 'ioredis';
import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import { mayNeedProblem } from '../src/domain/problems/incident-row.js';
import type { TicketFacts } from '../src/domain/notes/ticket-facts.js';
import { isImpact } from '../src/domain/triage/categories.js';
import type { OpenQueues } from '../src/queue/jobs.js';
import { enqueueProblemCheck } from '../src/queue/problem-producer.js';
import { rcaConfirmedMarker } from '../src/domain/problems/rca-request.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';

/** As long as the problem window could matter (PROBLEM_WINDOW_DAYS is at most ten years, this is a cache). */
const CHECKED_TTL_SECONDS = 400 * 24 * 60 * 60;

/**
 * Queues a problem check after a reconcile, only for incidents that could lead to a problem write
 * (Top, or impact in PROBLEM_IMPACTS and not yet linked) and only when that incident's priority,
 * impact or linked problem changed since its last check: a later incident's own check finds the earlier ones of its group,
 * so re-checking an unchanged incident on every event would only cost Xurrent calls. A separate
 * queue keeps the reconcile at one query and one update, and a failed problem write retries alone.
 */
export function createProblemTrigger({
  queues,
  redis,
  prefix,
  impacts,
}: {
  queues: Pick<OpenQueues, 'enqueue'>;
  redis: Redis;
  prefix: string;
  impacts: readonly string[];
}) {
  return async (request: RequestDetail, facts: TicketFacts, state?: WorkflowState): Promise<void> => {
    if (facts.kind !== 'incident') return;
    // The customer's RCA request (§3.3) until the requester has the confirmation (its marker is on the request).
    const confirmed = (request.notes?.nodes ?? []).some((n) => (n.text ?? '').includes(rcaConfirmedMarker(request.id)));
    if (state?.rcaRequest && !confirmed) {
      await enqueueProblemCheck(queues, { requestNodeId: request.id });
      return;
    }
    const candidate = {
      priority: facts.priority,
      impact: isImpact(request.impact) ? request.impact : null,
      problemId: request.problem?.id ?? null,
    };
    if (!mayNeedProblem(candidate, impacts)) return;
    const key = `${prefix}:problem-checked:${request.id}`;
    // The link is part of what was checked: a Top incident linked since (by hand, or as another's repeat) is checked
    // once more for its own RCA promise; the check adds it at most once (its marker on the problem).
    const checked = `${candidate.priority ?? ''}|${candidate.impact ?? ''}|${candidate.problemId ?? ''}`;
    if ((await redis.get(key)) === checked) return;
    await enqueueProblemCheck(queues, { requestNodeId: request.id });
    await redis.set(key, checked, 'EX', CHECKED_TTL_SECONDS);
  };
}
