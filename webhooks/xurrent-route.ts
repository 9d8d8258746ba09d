import express, { type Request, type Response, type Router } from 'express';
import type { Queue } from 'bullmq';
import { WebhookEnvelopeSchema } from '../schema/webhook-envelope.js';
import type { Logger } from '../src/logger.js';
import { enqueueRequestEvent } from '../src/queue/producer.js';
import { deliveryIdOf } from './delivery-id.js';
import { answer, answerInvalid } from './respond.js';

export interface XurrentWebhookDeps {
  queue: Queue;
  logger: Logger;
  maxBytes: number;
}

const isJson = (req: Request) => typeof req.is(['application/json', 'application/*+json']) === 'string';

/**
 * POST /webhooks/xurrent: parse and validate the raw body, enqueue, and answer 202 only once
 * Redis holds the job. Xurrent is never called from here.
 */
export function createXurrentWebhookRouter({ queue, logger, maxBytes }: XurrentWebhookDeps): Router {
  const router = express.Router();
  const log = logger.child({ component: 'webhook' });

  router.post('/webhooks/xurrent', express.raw({ type: () => true, limit: maxBytes }), async (req: Request, res: Response) => {
    if (!isJson(req)) return answer(res, 'unsupportedMediaType');
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const deliveryId = deliveryIdOf(req, raw);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      log.info('malformed JSON', { deliveryId });
      return answer(res, 'malformedJson');
    }
    const parsed = WebhookEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      log.info('invalid envelope', { deliveryId, field: issue?.path.join('.') });
      return answerInvalid(res, issue?.path ?? [], issue?.message ?? 'invalid');
    }
    const envelope = parsed.data;
    if (!envelope.event.startsWith('request.') || !envelope.object_nodeID) {
      log.info('event acknowledged, not queued', { deliveryId, event: envelope.event });
      return answer(res, 'ignored');
    }
    try {
      const outcome = await enqueueRequestEvent(queue, {
        deliveryId,
        event: envelope.event,
        accountId: envelope.account_id,
        requestNodeId: envelope.object_nodeID,
        receivedAt: new Date().toISOString(),
      });
      log.info('webhook accepted', { deliveryId, event: envelope.event, outcome });
      return answer(res, outcome);
    } catch (error) {
      log.error('could not enqueue webhook event', { deliveryId, error: error instanceof Error ? error.message : String(error) });
      return answer(res, 'unavailable');
    }
  });
  return router;
}
