import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import type { Clock } from '../src/clock.js';
import { breakFixRequestAction } from '../src/domain/break-fix/follow-up.js';
import { BREAK_FIX_KEY } from '../src/domain/workflow/break-fix.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';
import { enqueueForward, type FollowUpTimers } from '../src/queue/follow-up-timers.js';
import type { OpenQueues } from '../src/queue/jobs.js';

/**
 * After a reconcile of an escalated request in request mode: queues the forward while no linked
 * request is recorded, else makes sure a poll is pending (restoring a lost one). Costs no Xurrent
 * call: it reads the request the reconcile just read.
 */
export function createBreakFixTrigger({
  queues,
  followUps,
  intervalMs,
  clock,
}: {
  queues: Pick<OpenQueues, 'enqueue'>;
  followUps: FollowUpTimers;
  intervalMs: number;
  clock: Clock;
}) {
  return async (request: RequestDetail, _facts: unknown, state: WorkflowState): Promise<void> => {
    const action = breakFixRequestAction({
      mode: 'request',
      escalated: state.escalations.some((e) => e.key === BREAK_FIX_KEY),
      request: { id: request.id, status: request.status ?? 'assigned', noteTexts: (request.notes?.nodes ?? []).map((n) => n.text ?? '') },
      supplierRequestId: request.supplierRequestID ?? null,
    });
    if (action === 'forward') await enqueueForward(queues, { requestNodeId: request.id });
    if (action === 'follow') await followUps.ensure(request.id, clock.now() + intervalMs);
  };
}
