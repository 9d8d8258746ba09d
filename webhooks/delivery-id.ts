import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** Xurrent's per-delivery id header (`X-Xurrent-Delivery`, formerly `X-4me-Delivery`), else a hash of the body. */
export function deliveryIdOf(req: Request, rawBody: Buffer): string {
  const header = req.get('x-xurrent-delivery') ?? req.get('x-4me-delivery');
  if (header && /^[A-Za-z0-9_.-]{1,100}$/.test(header)) return header;
  return `sha256-${createHash('sha256').update(rawBody).digest('hex')}`;
}
