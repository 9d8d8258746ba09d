import { createHash } from 'node:crypto';

export type HeaderReader = (name: string) => string | undefined;

const SAFE_ID = /^[A-Za-z0-9_.-]{1,100}$/;
const safe = (value: string | undefined) => (value && SAFE_ID.test(value) ? value : undefined);

/** Xurrent's per-delivery id (`X-Xurrent-Delivery`, formerly `X-4me-Delivery`), when well-formed. */
export function deliveryHeaderOf(header: HeaderReader): string | undefined {
  return safe(header('x-xurrent-delivery')) ?? safe(header('x-4me-delivery'));
}

/** Bytes of the body hashed for a log id: hashing a whole 256 KiB body cost more than refusing it (ingest bench). */
const LOG_ID_HASHED_BYTES = 4_096;

/**
 * The id to log a delivery under before its token is read: the header, else a hash of the body's
 * first 4 KiB and its length (enough to tell deliveries apart in a log, and bounded in cost).
 */
export function logIdOf(header: HeaderReader, raw: Buffer): string {
  return (
    deliveryHeaderOf(header) ??
    `body-${createHash('sha256').update(raw.subarray(0, LOG_ID_HASHED_BYTES)).digest('hex').slice(0, 32)}-${raw.length}`
  );
}

/**
 * Every id a delivery is known by, strongest first; the first becomes the job id (`delivery-<id>`),
 * all of them deduplicate. A signed delivery is known by its `jti` alone: the delivery headers are
 * not signed, so whoever replays a captured token could otherwise pick the job id, or claim the
 * delivery id of a delivery still to come and have it answered "duplicate" (an event lost).
 * Xurrent's retries and redeliveries resend the same token, so the jti still catches them.
 * Unsigned deliveries (XURRENT_WEBHOOK_REQUIRE_SIGNATURE=false, never in production) use the delivery
 * header, the original delivery of a redelivery (`X-Xurrent-Delivery-Origin`), else the body hash.
 */
export function dedupIdsOf(header: HeaderReader, jti: string | undefined, raw: Buffer): [string, ...string[]] {
  if (jti) return [`jti-${jti}`];
  const delivery = deliveryHeaderOf(header);
  const origin = safe(header('x-xurrent-delivery-origin')) ?? safe(header('x-4me-delivery-origin'));
  const ids = [delivery, origin].filter((id): id is string => Boolean(id));
  const [first, ...rest] = [...new Set(ids)];
  return first ? [first, ...rest] : [`sha256-${createHash('sha256').update(raw).digest('hex')}`];
}
