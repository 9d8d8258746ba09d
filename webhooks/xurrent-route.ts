import express, { type Request, type RequestHandler, type Response } from 'express';
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

export const XURRENT_WEBHOOK_PATH = '/webhooks/xurrent';

/**
 * POST /webhooks/xurrent: the thin HTTP adapter. Reads the raw body (413 over `maxBytes`, no
 * inflation), refuses non-JSON (415), hands the bytes to the receiver and answers its decision.
 * Returned as handlers for the app's own route: a nested router costs every delivery a second
 * dispatch (ingest bench).
 */
export function createXurrentWebhookHandlers({ receiveDelivery, metrics, maxBytes }: XurrentWebhookDeps): RequestHandler[] {
  const readRaw = express.raw({ type: () => true, limit: maxBytes, inflate: false });
  const receive = async (req: Request, res: Response) => {
    if (!isJson(req)) {
      metrics.record('unsupportedMediaType');
      return answer(res, 'unsupportedMediaType');
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const decision = await receiveDelivery((name) => req.get(name), raw);
    metrics.record(decision.outcome, decision.event);
    answer(res, decision.answer, decision.field);
  };
  return [readRaw, receive];
}
