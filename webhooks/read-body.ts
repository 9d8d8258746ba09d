import { SignedBodySchema } from '../schema/webhook-signed.js';
import { DeliveryRejected } from './rejection.js';

export type ClassifiedBody = { kind: 'signed'; token: string } | { kind: 'plain'; body: unknown };

/** The exact signed-body shape Xurrent sends, matched on the raw text so the token is verified before any JSON parsing. */
const SIGNED_BODY = /^\s*\{\s*"jwt"\s*:\s*"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"\s*\}\s*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Tells a signed body from a plain one. Signed bodies are recognised on the raw bytes; anything
 * else is parsed as JSON, and an object with a `jwt` key must still be a valid signed body.
 */
export function classifyBody(raw: Buffer): ClassifiedBody {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch (cause) {
    throw new DeliveryRejected('malformedJson', 'body is not valid UTF-8', undefined, { cause });
  }
  const signed = SIGNED_BODY.exec(text);
  if (signed?.[1]) return { kind: 'signed', token: signed[1] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new DeliveryRejected('malformedJson', 'body is not JSON', undefined, { cause });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DeliveryRejected('invalid', 'body is not a JSON object', { path: '(body)', message: 'must be a JSON object' });
  }
  if (!('jwt' in body)) return { kind: 'plain', body };
  const parsed = SignedBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : '(body)');
    throw new DeliveryRejected('invalid', 'signed body has the wrong shape', { path, message: issue?.message ?? 'invalid' });
  }
  return { kind: 'signed', token: parsed.data.jwt };
}
