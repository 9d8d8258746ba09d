import {
  LINKED_REQUEST_CREATE,
  LINKED_REQUESTS_PAGE,
  LinkedRequestCreateSchema,
  LinkedRequestsPageSchema,
  type LinkedRequestNode,
} from '../schema/graphql/linked-request.js';
import { readRequest } from '../src/xurrent/read-request.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../schema/graphql/request-update.js';
import { isClosedStatus, linkedStatusMarker } from '../src/domain/break-fix/follow-up.js';
import { LINKED_REQUEST_SOURCE, planLinkedRequest, type LinkedRequestInput } from '../src/domain/break-fix/linked-request.js';
import { noteMarker } from '../src/domain/notes/render-notes.js';
import { XurrentApiError } from '../src/errors.js';
import type { FollowUpTimers } from '../src/queue/follow-up-timers.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { CountedXurrentClient, XurrentClient } from '../src/xurrent/client.js';
import { paginate } from '../src/xurrent/paginate.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface ForwardPolicy {
  /** The customer's account (this service's XURRENT_ACCOUNT): part of the linked request's sourceID. */
  customerAccount: string;
  supportAccount: string;
  supportServiceInstanceId: string | null;
  followUpIntervalMs: number;
}

export interface ForwardDeps {
  /** The account that reaches Xurrent's support. */
  support: XurrentClient;
  locks: KeyedLocks;
  followUps: FollowUpTimers;
  policy: ForwardPolicy;
}

const BUSY_RETRY_MS = 500;
/** The search text names one customer request; a few pages are plenty (a guard, not a rule). */
const MAX_SEARCH_PAGES = 5;

/**
 * Break-fix, request mode: registers the linked request at Xurrent's support for an escalated
 * request, records its id in the request's `supplierRequestID` with an internal note, and starts
 * following it. Safe to run twice: a recorded id ends the job, and before creating, the worker
 * looks for its own request by `source`/`sourceID` (a retry after a lost answer finds it).
 */
export function createForwardProcessor({ support, locks, followUps, policy }: ForwardDeps) {
  return async function processForward(
    data: JobData<'forwardToXurrent'>,
    ctx: JobContext,
  ): Promise<{ action: 'none' | 'known' | 'found' | 'created'; linkedId?: string }> {
    const { requestNodeId } = data;
    return ctx.withRequestLock(locks, `break-fix:${requestNodeId}`, BUSY_RETRY_MS, async () => {
      const calls = ctx.xurrent;
      const supportCalls = support.counted();
      const node = await readRequest(calls, requestNodeId);
      // Closed meanwhile: Xurrent need not look at it any more.
      if (!node || isClosedStatus(node.status ?? 'assigned')) return { action: 'none' };
      if (node.supplierRequestID) {
        await followUps.ensure(requestNodeId, ctx.clock.now() + policy.followUpIntervalMs);
        return { action: 'known', linkedId: node.supplierRequestID };
      }
      const forwarded = {
        id: node.id,
        requestId: node.requestId ?? null,
        subject: node.subject ?? null,
        category: node.category ?? null,
        impact: node.impact ?? null,
        notes: (node.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', internal: n.internal === true })),
      };
      const plan = planLinkedRequest(forwarded, {
        customerAccount: policy.customerAccount,
        serviceInstanceId: policy.supportServiceInstanceId,
      });
      const found = await findLinked(supportCalls, plan.searchText, plan.input);
      const linked = found ?? (await createLinked(supportCalls, plan.input));
      const label = linked.requestId ? `#${linked.requestId}` : linked.id;
      const note = [
        `Linked request ${label} registered at Xurrent's support (account ${policy.supportAccount}); its id is in the supplier request ID and its progress is noted here.`,
        noteMarker('xurrent-linked', `${requestNodeId}:${linked.id}`),
        linkedStatusMarker(requestNodeId, linked.status ?? 'assigned'),
      ].join('\n');
      await calls.request(
        REQUEST_UPDATE,
        { input: { id: requestNodeId, supplierRequestID: linked.id, internalNote: note } },
        RequestUpdateResultSchema,
      );
      await followUps.schedule(requestNodeId, ctx.clock.now() + policy.followUpIntervalMs);
      const action = found ? 'found' : 'created';
      ctx.log.info('forwarded to xurrent', {
        component: 'break-fix',
        requestNodeId,
        action,
        linkedId: linked.id,
        xurrentCalls: calls.calls() + supportCalls.calls(),
      });
      return { action, linkedId: linked.id };
    });
  };
}

async function findLinked(support: CountedXurrentClient, searchText: string, input: LinkedRequestInput): Promise<LinkedRequestNode | null> {
  const filter = { query: searchText, ...(input.serviceInstanceId ? { serviceInstance: { values: [input.serviceInstanceId] } } : {}) };
  const pages = paginate(support, {
    document: LINKED_REQUESTS_PAGE,
    variables: { filter },
    schema: LinkedRequestsPageSchema,
    connection: (data) => data.requests,
    maxPages: MAX_SEARCH_PAGES,
  });
  for await (const request of pages) if (request.source === LINKED_REQUEST_SOURCE && request.sourceID === input.sourceID) return request;
  return null;
}

async function createLinked(support: CountedXurrentClient, input: LinkedRequestInput): Promise<LinkedRequestNode> {
  const { requestCreate } = await support.request(LINKED_REQUEST_CREATE, { input }, LinkedRequestCreateSchema);
  if (!requestCreate.request)
    throw new XurrentApiError('Xurrent requestCreate returned no request for the linked request', { status: 200, retriable: true });
  return requestCreate.request;
}
