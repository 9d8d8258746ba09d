import type { JobsOptions, Queue } from 'bullmq';
import { checkVerifyCallback } from '../src/webhook-verify/callback-policy.js';
import type { WebhookEnvelope } from '../schema/webhook-envelope.js';
import { isKnownEvent, isProblemEvent, isRequestEvent } from '../schema/webhook-events.js';
import type { RequestEventJob } from '../schema/jobs.js';
import type { ProblemEventJob, WebhookVerifyJob } from '../schema/webhook-jobs.js';
import { JOB_NAMES } from '../src/queue/names.js';
import type { Queues } from '../src/queue/queues.js';
import { DeliveryRejected } from './rejection.js';

export type EventPlan =
  | {
      kind: 'enqueue';
      queue: Queue;
      name: string;
      data: RequestEventJob | ProblemEventJob | WebhookVerifyJob;
      answer: 'queued' | 'verifying';
      options?: JobsOptions;
    }
  | { kind: 'ignore'; outcome: 'ignored-known' | 'ignored-unknown' };

export interface RouteContext {
  queues: Pick<Queues, 'events' | 'problemEvents' | 'webhookVerify'>;
  deliveryId: string;
  /** Domains a `webhook.verify` callback may be on (see checkVerifyCallback). */
  callbackDomains: readonly string[];
  receivedAt: Date;
}

/** The callback is retried with backoff (5 s doubling: 16 attempts span over 24 h) until it works or expires. */
const VERIFY_RETRIES: JobsOptions = { attempts: 16, backoff: { type: 'exponential', delay: 5_000, jitter: 0.2 } };

/** Maps a validated envelope to the job it becomes, or to an acknowledgement. Job data holds ids only. */
export function planEvent(envelope: WebhookEnvelope, { queues, deliveryId, callbackDomains, receivedAt }: RouteContext): EventPlan {
  const { event, account_id: accountId } = envelope;
  const base = { deliveryId, event, accountId, receivedAt: receivedAt.toISOString() };
  const nodeId = envelope.object_nodeID ?? '';
  if (isRequestEvent(event)) {
    // Who changed the status: an id, kept so the response can be told a person's (docs/contract-reading.md).
    const status = envelope.payload['status'];
    const person = envelope.person_nodeID;
    const actor = event === 'request.status-changed' && typeof person === 'string' && person !== '' && typeof status === 'string' && status !== '' ? { actor: { personNodeId: person, status: status.slice(0, 50) } } : {};
    return { kind: 'enqueue', queue: queues.events, name: JOB_NAMES.requestEvent, data: { ...base, requestNodeId: nodeId, ...actor }, answer: 'queued' };
  }
  if (isProblemEvent(event)) {
    return { kind: 'enqueue', queue: queues.problemEvents, name: JOB_NAMES.problemEvent, data: { ...base, problemNodeId: nodeId }, answer: 'queued' };
  }
  if (event === 'webhook.verify') {
    const callback = checkVerifyCallback(String(envelope.payload['callback']), { accountId, domains: callbackDomains }, receivedAt);
    if (!callback.ok) throw new DeliveryRejected('invalid', `callback refused: ${callback.message}`, { path: 'payload.callback', message: callback.message });
    const data: WebhookVerifyJob = { deliveryId, accountId, callback: callback.url.href, expiresAt: callback.expiresAt.toISOString(), receivedAt: base.receivedAt };
    return { kind: 'enqueue', queue: queues.webhookVerify, name: JOB_NAMES.webhookVerify, data, answer: 'verifying', options: VERIFY_RETRIES };
  }
  return { kind: 'ignore', outcome: isKnownEvent(event) ? 'ignored-known' : 'ignored-unknown' };
}
