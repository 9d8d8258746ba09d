import { SignedBodySchema } from '../schema/webhook-signed.js';
import { MAX_SIGNED_BODY_BYTES } from './token-limits.js';
import { DeliveryRejected, unauthorized } from './rejection.js';

export type ClassifiedBody = { kind: 'signed'; token: string } | { kind: 'plain'; body: unknown };

/** The exact signed-body shape Xurrent sends, matched on the raw text so the token is verified before any JSON parsing. */
const SIGNED_BODY = /^\s*\{\s*"jwt"\s*:\s*"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"\s*\}\s*$/;
/** A body that starts as a signed one but is not spelt exactly as Xurrent spells it. */
const SIGNED_START = /^\s*\{\s*"jwt"\s*:/;
/**
 * Up to this size a body that opens as a signed one but is spelt otherwise is parsed, to name the
 * wrong field (a parse of 4 KiB costs microseconds); a larger one is refused from its bytes, since a
 * deeply nested 64 KiB body costs about 2 ms to parse, ten accepted deliveries.
 */
const MAX_PARSED_MISSPELT_BYTES = 4_096;
/** `{"jwt":"…"}` whose string is no token: flat, so parsing it to name the field costs no more than reading it. */
const FLAT_JWT_STRING = /^\s*\{\s*"jwt"\s*:\s*"[^"\\]*"\s*\}\s*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Tells a signed body from a plain one. Signed bodies are recognised on the raw bytes.
 *
 * With `signedOnly` (XURRENT_WEBHOOK_REQUIRE_SIGNATURE, the default) nothing that cannot be a signed
 * envelope reaches JSON.parse: a body over MAX_SIGNED_BODY_BYTES or one that does not open with
 * `{"jwt":` is refused from its bytes (401; 400 when it is not even an object). Only a body of
 * at most MAX_PARSED_MISSPELT_BYTES that opens like one but is spelt differently (escapes, extra keys)
 * is parsed, to name the field that is wrong.
 *
 * Without it, anything else is parsed as JSON, and an object with a `jwt` key must still be a valid signed body.
 */
export function classifyBody(raw: Buffer, { signedOnly = false }: { signedOnly?: boolean } = {}): ClassifiedBody {
  if (signedOnly && raw.length > MAX_SIGNED_BODY_BYTES)
    throw unauthorized(`body of ${raw.length} bytes is larger than a signed envelope can be`);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch (cause) {
    throw new DeliveryRejected('malformedJson', 'body is not valid UTF-8', undefined, { cause });
  }
  const signed = SIGNED_BODY.exec(text);
  if (signed?.[1]) return { kind: 'signed', token: signed[1] };
  if (signedOnly && !SIGNED_START.test(text)) {
    if (!/^\s*\{/.test(text)) throw notAnObject();
    throw unauthorized('unsigned body while signatures are required');
  }
  if (signedOnly && raw.length > MAX_PARSED_MISSPELT_BYTES && !FLAT_JWT_STRING.test(text))
    throw unauthorized('signed body is not spelt as Xurrent sends it: {"jwt":"<token>"} and nothing else');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new DeliveryRejected('malformedJson', 'body is not JSON', undefined, { cause });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw notAnObject();
  if (!('jwt' in body)) return { kind: 'plain', body };
  const parsed = SignedBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : '(body)');
    throw new DeliveryRejected('invalid', 'signed body has the wrong shape', { path, message: issue?.message ?? 'invalid' });
  }
  return { kind: 'signed', token: parsed.data.jwt };
}

const notAnObject = () =>
  new DeliveryRejected('invalid', 'body is not a JSON object', { path: '(body)', message: 'must be a JSON object' });
