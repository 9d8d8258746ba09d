import type { Job } from 'bullmq';
import { LINKED_REQUEST_BY_ID, LinkedRequestByIdSchema } from '../schema/graphql/linked-request.js';
import { readRequest } from '../src/xurrent/read-request.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema, type RequestUpdateInput } from '../schema/graphql/request-update.js';
import type { Clock } from '../src/clock.js';
import { planLinkedFollowUp } from '../src/domain/break-fix/follow-up.js';
import type { Logger } from '../src/logger.js';
import type { FollowUpTimers } from '../src/queue/follow-up-timers.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { JOBS } from '../src/queue/jobs.js';

export interface FollowUpDeps {
  xurrent: XurrentClient;
  support: XurrentClient;
  followUps: FollowUpTimers;
  intervalMs: number;
  clock: Clock;
  logger: Logger;
}

/**
 * One poll of a linked request at Xurrent: reads the customer's request (its supplierRequestID and
 * notes) and the linked request, notes a status not noted before, sets the request back to
 * `assigned` once Xurrent completed it, and schedules the next poll or stops following.
 */
export function createFollowUpProcessor({ xurrent, support, followUps, intervalMs, clock, logger }: FollowUpDeps) {
  return async function processFollowUp(job: Job): Promise<{ next: 'continue' | 'stop'; wrote: boolean }> {
    const { requestNodeId } = JOBS.followUpXurrent.parse(job);
    const calls = xurrent.counted();
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
    const input: RequestUpdateInput = { id: node.id, ...(plan.internalNote ? { internalNote: plan.internalNote } : {}), ...(plan.status ? { status: plan.status } : {}) };
    const wrote = Object.keys(input).length > 1;
    if (wrote) await calls.request(REQUEST_UPDATE, { input }, RequestUpdateResultSchema);
    await followUps.schedule(requestNodeId, plan.next === 'continue' ? clock.now() + intervalMs : null);
    logger.info('xurrent follow-up', { component: 'break-fix', jobId: job.id, requestNodeId, linkedStatus: linked?.status, next: plan.next, wrote, xurrentCalls: calls.calls() + supportCalls.calls() });
    return { next: plan.next, wrote };
  };
}
