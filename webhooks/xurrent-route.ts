import express, { type Request, type Response, type Router } from 'express';
import type { WebhookMetrics } from './metrics.js';
import type { ReceiveDelivery } from './receive.js';
import { answer } from './respond.js';

export interface XurrentWebhookDeps {
  receiveDelivery: ReceiveDelivery;
  metrics: WebhookMetrics;
  maxBytes: number;
}

/** JSON in UTF-8 only: Xurrent sends `application/json; charset=utf-8`. */
function isJson(req: Request): boolean {
  if (typeof req.is(['application/json', 'application/*+json']) !== 'string') return false;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/**
 * POST /webhooks/xurrent: the thin HTTP adapter. Reads the raw body (413 over `maxBytes`, no
 * inflation), refuses non-JSON (415), hands the bytes to the receiver and answers its decision.
 */
export function createXurrentWebhookRouter({ receiveDelivery, metrics, maxBytes }: XurrentWebhookDeps): Router {
  const router = express.Router();
  const readRaw = express.raw({ type: () => true, limit: maxBytes, inflate: false });
  router.post('/webhooks/xurrent', readRaw, async (req: Request, res: Response) => {
    if (!isJson(req)) {
      metrics.record('unsupportedMediaType');
      return answer(res, 'unsupportedMediaType');
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const decision = await receiveDelivery((name) => req.get(name), raw);
    metrics.record(decision.outcome, decision.event);
    answer(res, decision.answer, decision.field);
  });
  return router;
}
