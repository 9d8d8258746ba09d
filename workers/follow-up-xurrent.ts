import { LINKED_REQUEST_BY_ID, LinkedRequestByIdSchema } from '../schema/graphql/linked-request.js';
import { readRequest } from '../src/xurrent/read-request.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema, type RequestUpdateInput } from '../schema/graphql/request-update.js';
import { planLinkedFollowUp } from '../src/domain/break-fix/follow-up.js';
import type { FollowUpTimers } from '../src/queue/follow-up-timers.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface FollowUpDeps {
  support: XurrentClient;
  followUps: FollowUpTimers;
  intervalMs: number;
}

/**
 * One poll of a linked request at Xurrent: reads the customer's request (its supplierRequestID and
 * notes) and the linked request, notes a status not noted before, sets the request back to
 * `assigned` once Xurrent completed it, and schedules the next poll or stops following.
 */
export function createFollowUpProcessor({ support, followUps, intervalMs }: FollowUpDeps) {
  return async function processFollowUp(
    data: JobData<'followUpXurrent'>,
    ctx: JobContext,
  ): Promise<{ next: 'continue' | 'stop'; wrote: boolean }> {
    const { requestNodeId } = data;
    const calls = ctx.xurrent;
    const supportCalls = support.counted();
    const node = await readRequest(calls, requestNodeId);
    const linkedId = node?.supplierRequestID ?? null;
    if (!node || !linkedId) {
      await followUps.schedule(requestNodeId, null);
      return { next: 'stop', wrote: false };
    }
    const linked = (await supportCalls.request(LINKED_REQUEST_BY_ID, { id: linkedId }, LinkedRequestByIdSchema)).node;
    const plan = planLinkedFollowUp(
      { id: node.id, status: node.status ?? 'assigned', noteTexts: (node.notes?.nodes ?? []).map((n) => n.text ?? '') },
      linked ? { label: linked.requestId ? `#${linked.requestId}` : linked.id, status: linked.status ?? 'assigned' } : null,
    );
    const input: RequestUpdateInput = {
      id: node.id,
      ...(plan.internalNote ? { internalNote: plan.internalNote } : {}),
      ...(plan.status ? { status: plan.status } : {}),
    };
    const wrote = Object.keys(input).length > 1;
    if (wrote) await calls.request(REQUEST_UPDATE, { input }, RequestUpdateResultSchema);
    await followUps.schedule(requestNodeId, plan.next === 'continue' ? ctx.clock.now() + intervalMs : null);
    ctx.log.info('xurrent follow-up', {
      component: 'break-fix',
      requestNodeId,
      linkedStatus: linked?.status,
      next: plan.next,
      wrote,
      xurrentCalls: calls.calls() + supportCalls.calls(),
    });
    return { next: plan.next, wrote };
  };
}
