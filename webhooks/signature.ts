import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { WebhookConfig } from '../schema/env/webhooks-config.js';
import { WebhookClaimsSchema, type WebhookClaims } from '../schema/webhook-signed.js';
import { acceptedIssuer } from './issuer.js';
import { createKeyDiscovery } from './key-discovery.js';
import { DeliveryRejected, unauthorized } from './rejection.js';

/** JOSE header segment cap (iPaaS caps JWTs at 8 KB; the whole body is capped by WEBHOOK_MAX_BYTES). */
export const MAX_JOSE_HEADER_BYTES = 8 * 1_024;
const CLOCK_TOLERANCE_SECONDS = 60;

/** Senders remembered for the key hint; more than this start the memory afresh. */
const MAX_REMEMBERED_SENDERS = 1_000;

export interface SignatureVerifierDeps {
  config: Pick<WebhookConfig, 'publicKeys' | 'algorithms' | 'audience' | 'discoverKeys' | 'accountUrl'>;
  fetch?: typeof globalThis.fetch;
}

/**
 * Verifies a webhook policy's compact JWS: pinned algorithms, our issuer, the audience when
 * configured, exp/nbf with 60 s leeway. No exp means no expiry: redeliveries are deduplicated and
 * workers reconcile, so an old token is harmless. Any failure throws 401 with the precise reason.
 *
 * Xurrent's tokens carry no `kid`, so with several keys configured (one per webhook policy) each is
 * tried in turn. The key that last verified a token from the same sender (the `sub` claim, the
 * webhook) is tried first: a hint only, read from the unverified token, and every key is still
 * tried before a token is refused (pipeline bench: with four policies, trying them in order cost
 * 2.5 verifications per delivery).
 */
export function createSignatureVerifier({ config, fetch = globalThis.fetch }: SignatureVerifierDeps) {
  const staticKeys: (KeyObject | JWTVerifyGetKey)[] = config.publicKeys.map((pem) => createPublicKey(pem));
  const keySetFor = config.discoverKeys && config.accountUrl ? createKeyDiscovery({ accountUrl: config.accountUrl, fetch }) : undefined;
  const options = {
    algorithms: [...config.algorithms],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(config.audience ? { audience: config.audience } : {}),
  };

  const keyBySender = new Map<string, number>();
  const hintOf = (token: string): string | undefined => {
    if (config.publicKeys.length < 2) return undefined;
    try {
      const sub = decodeJwt(token).sub;
      return typeof sub === 'string' ? sub : undefined;
    } catch {
      return undefined;
    }
  };
  const remember = (sender: string | undefined, index: number) => {
    if (sender === undefined || keyBySender.get(sender) === index) return;
    if (keyBySender.size >= MAX_REMEMBERED_SENDERS) keyBySender.clear();
    keyBySender.set(sender, index);
  };

  return async function verifySignedToken(token: string): Promise<WebhookClaims> {
    const headerSegment = token.slice(0, token.indexOf('.'));
    if (headerSegment.length > Math.ceil((MAX_JOSE_HEADER_BYTES * 4) / 3)) throw unauthorized('JOSE header over 8 KiB');
    // Key discovery fetches from the issuer, so the issuer is checked before verification in that mode.
    const keys = keySetFor ? [...staticKeys, await keySetFor(readUnverifiedIssuer(token, config))] : staticKeys;
    if (keys.length === 0) throw unauthorized('no webhook public key configured');
    const sender = hintOf(token);
    const hinted = sender === undefined ? undefined : keyBySender.get(sender);
    const order = hinted === undefined || hinted >= keys.length ? keys.map((_, i) => i) : [hinted, ...keys.map((_, i) => i).filter((i) => i !== hinted)];
    let lastError: unknown;
    for (const index of order) {
      const key = keys[index] as KeyObject | JWTVerifyGetKey;
      try {
        const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
        if (!acceptedIssuer(payload.iss, config.accountUrl)) throw unauthorized(`issuer not accepted: ${String(payload.iss).slice(0, 200)}`);
        const claims = WebhookClaimsSchema.safeParse(payload);
        if (!claims.success) throw unauthorized(`token claims invalid at ${claims.error.issues[0]?.path.join('.') || '(claims)'}`);
        remember(sender, index);
        return claims.data;
      } catch (error) {
        if (!(error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)) throw asRejection(error);
        lastError = error;
      }
    }
    throw asRejection(lastError);
  };
}

/** Header and issuer checks on the still-unverified token, so nothing is fetched for a foreign issuer. */
function readUnverifiedIssuer(token: string, config: SignatureVerifierDeps['config']): string {
  let alg: unknown;
  let iss: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
    iss = decodeJwt(token).iss;
  } catch (error) {
    throw unauthorized('token cannot be decoded', error);
  }
  if (typeof alg !== 'string' || !(config.algorithms as readonly string[]).includes(alg)) throw unauthorized(`algorithm not allowed: ${String(alg)}`);
  const issuer = acceptedIssuer(iss, config.accountUrl);
  if (!issuer) throw unauthorized(`issuer not accepted: ${typeof iss === 'string' ? iss.slice(0, 200) : typeof iss}`);
  return issuer;
}

function asRejection(error: unknown): DeliveryRejected {
  if (error instanceof DeliveryRejected) return error;
  if (error instanceof errors.JOSEError) return unauthorized(`${error.code}: ${error.message}`, error);
  return unauthorized(`verification failed: ${error instanceof Error ? error.message : String(error)}`, error);
}
