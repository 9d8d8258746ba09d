import type { WebhookConfig } from '../schema/env/webhooks.js';
import type { RequestEventJob } from '../schema/jobs.js';
import type { Logger } from '../src/logger.js';
import type { DeliveryJob, EnqueueDelivery } from '../src/queue/producer.js';
import type { OpenQueues as Queues } from '../src/queue/jobs.js';
import type { StatusActor } from '../src/state/status-actors.js';
import { dedupIdsOf, logIdOf, type HeaderReader } from './delivery-id.js';
import type { DeliveryOutcome } from './metrics.js';
import { classifyBody } from './read-body.js';
import { DeliveryRejected, unauthorized } from './rejection.js';
import type { AnswerName } from './respond.js';
import { planEvent } from './route-event.js';
import type { createSignatureVerifier } from './signature.js';
import { eventLabel, validateEnvelope } from './validate.js';

export interface ReceiverDeps {
  config: Pick<WebhookConfig, 'requireSignature' | 'accounts' | 'callbackDomains'>;
  queues: Pick<Queues, 'events' | 'problemEvents' | 'webhookVerify'>;
  verifySignedToken: ReturnType<typeof createSignatureVerifier>;
  enqueueDelivery: EnqueueDelivery;
  logger: Logger;
  /** Tells the worker's own echoes (absent: every request event is queued). */
  ownEcho?: OwnEcho;
  now?: () => Date;
}

/**
 * A request event whose envelope names the worker's own API user is the echo of the worker's write:
 * the write's response already carried the state after it, and the sweep catches anything else, so
 * it is answered 200 without a reconcile (one Xurrent read fewer per write). Who changed the status is
 * still recorded, as the events worker would have: the response reading needs it (status-actors.ts).
 */
export interface OwnEcho {
  apiUser(): Promise<string | null>;
  recordActor(requestNodeId: string, actor: StatusActor): Promise<void>;
}

export interface Decision {
  answer: AnswerName;
  outcome: DeliveryOutcome;
  event?: string;
  field?: { path: string; message: string };
}

/**
 * One delivery, from raw bytes to decision: authenticate (the token is verified before anything in
 * it is parsed), validate, plan, enqueue. Every refusal is logged once with its precise reason.
 */
export function createDeliveryReceiver({
  config,
  queues,
  verifySignedToken,
  enqueueDelivery,
  logger,
  ownEcho,
  now = () => new Date(),
}: ReceiverDeps) {
  return async function receiveDelivery(header: HeaderReader, raw: Buffer): Promise<Decision> {
    const deliveryId = logIdOf(header, raw);
    const log = logger.child({ component: 'webhook', deliveryId });
    let event: string | undefined;
    try {
      const body = classifyBody(raw, { signedOnly: config.requireSignature });
      if (body.kind === 'plain' && config.requireSignature) throw unauthorized('unsigned body while signatures are required');
      const claims = body.kind === 'signed' ? await verifySignedToken(body.token) : undefined;
      const envelope = validateEnvelope(claims ? claims.data : body.kind === 'plain' ? body.body : undefined, config.accounts);
      event = eventLabel(envelope.event);
      // A signed delivery is known by its signed jti alone: headers are not signed (see delivery-id.ts).
      const ids = dedupIdsOf(header, claims?.jti, raw);
      const plan = planEvent(envelope, { queues, deliveryId: ids[0], callbackDomains: config.callbackDomains, receivedAt: now() });
      if (plan.kind === 'ignore') {
        log.log(plan.outcome === 'ignored-unknown' ? 'warn' : 'info', 'event acknowledged, not queued', {
          event: envelope.event.slice(0, 100),
        });
        return { answer: 'ignored', outcome: plan.outcome, event };
      }
      if (ownEcho && plan.queue === queues.events && envelope.person_nodeID && (await isOwn(ownEcho, envelope.person_nodeID))) {
        const data = plan.data as RequestEventJob;
        if (data.actor) {
          await ownEcho.recordActor(data.requestNodeId, { ...data.actor, atMs: Date.parse(data.receivedAt) }).catch((error: unknown) => {
            throw new DeliveryRejected(
              'unavailable',
              `status actor not recorded: ${error instanceof Error ? error.message : String(error)}`,
              undefined,
              { cause: error },
            );
          });
        }
        log.debug('own echo acknowledged, not queued', { event });
        return { answer: 'ignored', outcome: 'ignored-own-echo', event };
      }
      const enqueued = await enqueueDelivery({ queue: plan.queue, job: plan.job as DeliveryJob['job'], data: plan.data, ids }).catch(
        (error: unknown) => {
          throw new DeliveryRejected(
            'unavailable',
            `enqueue failed: ${error instanceof Error ? error.message : String(error)}`,
            undefined,
            { cause: error },
          );
        },
      );
      const answer = enqueued.outcome === 'duplicate' ? 'duplicate' : plan.answer;
      // Queued events are counted in /metrics and stay findable as their job and dedup marker; a
      // line for each at the default level cost ~8 % of the intake's throughput (ingest bench).
      // Duplicates and verification handshakes are rare and worth a line.
      log.log(answer === 'queued' ? 'debug' : 'info', answer === 'duplicate' ? 'duplicate delivery' : 'delivery accepted', {
        event,
        jobId: enqueued.jobId,
        signed: Boolean(claims),
      });
      return { answer, outcome: answer, event };
    } catch (error) {
      if (!(error instanceof DeliveryRejected)) throw error;
      log.log(error.answer === 'unavailable' ? 'error' : 'warn', 'delivery refused', { status: error.answer, reason: error.reason, event });
      return { answer: error.answer, outcome: error.answer, ...(event ? { event } : {}), ...(error.field ? { field: error.field } : {}) };
    }
  };
}
export type ReceiveDelivery = ReturnType<typeof createDeliveryReceiver>;

/** An unreadable API user (Redis away) counts as not own: the event is then queued as before. */
async function isOwn(ownEcho: OwnEcho, personNodeId: string): Promise<boolean> {
  const apiUser = await ownEcho.apiUser().catch(() => null);
  return apiUser !== null && apiUser === personNodeId;
}
