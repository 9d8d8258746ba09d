import { z } from 'zod';

/** Compact JWS: three base64url segments. */
export const compactJwsPattern = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** A body signed by a webhook policy: `{"jwt": "<compact JWS>"}`, nothing else (docs/xurrent-api.md#webhook-signing). */
export const SignedBodySchema = z.strictObject({
  jwt: z.string().regex(compactJwsPattern, 'must be a compact JWS'),
});

/**
 * Claims of a verified webhook token; `data` is the envelope. Signature and times are checked by jose.
 * `jti` is required: it is the delivery's signed identity (deduplication), and every token Xurrent
 * signs carries one (64 hex characters in the real deliveries of test/fixtures).
 */
export const WebhookClaimsSchema = z.looseObject({
  data: z.record(z.string(), z.unknown()),
  iss: z.string(),
  jti: z.string().min(1).max(200),
});
export type WebhookClaims = z.infer<typeof WebhookClaimsSchema>;
