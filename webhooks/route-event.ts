import type { Queue } from 'bullmq';
import { checkVerifyCallback } from '../src/webhook-verify/callback-policy.js';
import type { WebhookEnvelope } from '../schema/webhook-envelope.js';
import { isKnownEvent, isProblemEvent, isRequestEvent } from '../schema/webhook-events.js';
import type { RequestEventJob } from '../schema/jobs.js';
import type { ProblemEventJob, WebhookVerifyJob } from '../schema/webhook-jobs.js';
import { JOBS, type JobDef, type OpenQueues } from '../src/queue/jobs.js';
import { DeliveryRejected } from './rejection.js';

export type EventPlan =
  | {
      kind: 'enqueue';
      queue: Queue;
      job: JobDef<RequestEventJob> | JobDef<ProblemEventJob> | JobDef<WebhookVerifyJob>;
      data: RequestEventJob | ProblemEventJob | WebhookVerifyJob;
      answer: 'queued' | 'verifying';
    }
  | { kind: 'ignore'; outcome: 'ignored-known' | 'ignored-unknown' };

export interface RouteContext {
  queues: Pick<OpenQueues, 'events' | 'problemEvents' | 'webhookVerify'>;
  deliveryId: string;
  /** Domains a `webhook.verify` callback may be on (see checkVerifyCallback). */
  callbackDomains: readonly string[];
  receivedAt: Date;
}

/** Maps a validated envelope to the job it becomes, or to an acknowledgement. Job data holds ids only. */
export function planEvent(envelope: WebhookEnvelope, { queues, deliveryId, callbackDomains, receivedAt }: RouteContext): EventPlan {
  const { event, account_id: accountId } = envelope;
  const base = { deliveryId, event, accountId, receivedAt: receivedAt.toISOString() };
  const nodeId = envelope.object_nodeID ?? '';
  if (isRequestEvent(event)) {
    // Who changed the status: an id, kept so the response can be told a person's (docs/contract-reading.md).
    const status = envelope.payload['status'];
    const person = envelope.person_nodeID;
    const actor =
      event === 'request.status-changed' && typeof person === 'string' && person !== '' && typeof status === 'string' && status !== ''
        ? { actor: { personNodeId: person, status: status.slice(0, 50) } }
        : {};
    return {
      kind: 'enqueue',
      queue: queues.events,
      job: JOBS.requestEvent,
      data: { ...base, requestNodeId: nodeId, ...actor },
      answer: 'queued',
    };
  }
  if (isProblemEvent(event)) {
    return {
      kind: 'enqueue',
      queue: queues.problemEvents,
      job: JOBS.problemEvent,
      data: { ...base, problemNodeId: nodeId },
      answer: 'queued',
    };
  }
  if (event === 'webhook.verify') {
    const callback = checkVerifyCallback(String(envelope.payload['callback']), { accountId, domains: callbackDomains }, receivedAt);
    if (!callback.ok)
      throw new DeliveryRejected('invalid', `callback refused: ${callback.message}`, {
        path: 'payload.callback',
        message: callback.message,
      });
    const data: WebhookVerifyJob = {
      deliveryId,
      accountId,
      callback: callback.url.href,
      expiresAt: callback.expiresAt.toISOString(),
      receivedAt: base.receivedAt,
    };
    return { kind: 'enqueue', queue: queues.webhookVerify, job: JOBS.webhookVerify, data, answer: 'verifying' };
  }
  return { kind: 'ignore', outcome: isKnownEvent(event) ? 'ignored-known' : 'ignored-unknown' };
}
