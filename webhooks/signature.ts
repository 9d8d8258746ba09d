import { createPublicKey, type KeyObject } from 'node:crypto';
import { base64url, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { WebhookAlgorithm, WebhookConfig } from '../schema/env/webhooks.js';
import { WebhookClaimsSchema, type WebhookClaims } from '../schema/webhook-signed.js';
import { acceptedIssuer } from './issuer.js';
import { createKeyDiscovery } from './key-discovery.js';
import { DeliveryRejected, unauthorized } from './rejection.js';
import { MAX_HINT_PAYLOAD_CHARS, MAX_JOSE_HEADER_CHARS, MAX_TOKEN_CHARS } from './token-limits.js';

const CLOCK_TOLERANCE_SECONDS = 60;

/** Senders remembered for the key hint; more than this start the memory afresh. */
const MAX_REMEMBERED_SENDERS = 1_000;

/** The key each algorithm needs: jose throws (rather than failing the signature) on any other. */
const KEY_FAMILY: Record<WebhookAlgorithm, string> = {
  RS256: 'rsa',
  RS384: 'rsa',
  RS512: 'rsa',
  ES256: 'ec:prime256v1',
  ES384: 'ec:secp384r1',
  ES512: 'ec:secp521r1',
};
const familyOf = (key: KeyObject) =>
  key.asymmetricKeyType === 'ec' ? `ec:${key.asymmetricKeyDetails?.namedCurve ?? '?'}` : (key.asymmetricKeyType ?? '?');

export interface SignatureVerifierDeps {
  config: Pick<WebhookConfig, 'publicKeys' | 'algorithms' | 'audience' | 'discoverKeys' | 'accountUrl'> &
    Partial<Pick<WebhookConfig, 'requireExp' | 'discoveriesPerMinute'>>;
  fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch, for the discovery caches; injected by tests. */
  now?: () => number;
}

/**
 * Verifies a webhook policy's compact JWS: pinned algorithms, our issuer, a `jti`, the audience when
 * configured, exp/nbf with 60 s leeway (`exp` required only with XURRENT_WEBHOOK_REQUIRE_EXP: by
 * default Xurrent sets none, and redeliveries are deduplicated and workers reconcile, so an old token
 * is harmless). Any failure throws 401 with the precise reason.
 *
 * Cheap checks first, so a forged token costs little: token and header size, then the header's `alg`
 * (pinned), then only the configured keys whose type fits that `alg` (an RSA key given an ES256 token
 * makes jose throw, not fail the signature). Xurrent's tokens carry no `kid`, so with several keys
 * (one per webhook policy) each fitting key is tried in turn; the one that last verified a token of
 * the same sender (the verified `sub`, the webhook) is tried first. That hint is read from the
 * still-unverified payload, only after the checks above and only for payloads up to 8 KiB; it only
 * orders the keys (pipeline bench: with four policies, trying them in order cost 2.5 verifications
 * per delivery). Key discovery, when on, comes after every static key failed.
 */
export function createSignatureVerifier({ config, fetch = globalThis.fetch, now }: SignatureVerifierDeps) {
  const staticKeys = config.publicKeys.map((pem, index) => {
    const key = createPublicKey(pem);
    return { key, index, family: familyOf(key) };
  });
  const keySetFor =
    config.discoverKeys && config.accountUrl
      ? createKeyDiscovery({ accountUrl: config.accountUrl, fetch, perMinute: config.discoveriesPerMinute ?? 10, ...(now ? { now } : {}) })
      : undefined;
  const options: JWTVerifyOptions = {
    algorithms: [...config.algorithms],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['jti', ...(config.requireExp ? ['exp'] : [])],
    ...(config.audience ? { audience: config.audience } : {}),
  };

  const keyBySender = new Map<string, number>();
  const remember = (sender: unknown, index: number) => {
    if (typeof sender !== 'string' || keyBySender.get(sender) === index) return;
    if (keyBySender.size >= MAX_REMEMBERED_SENDERS) keyBySender.clear();
    keyBySender.set(sender, index);
  };

  const verifyWith = async (token: string, key: KeyObject | JWTVerifyGetKey): Promise<WebhookClaims> => {
    const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    if (!acceptedIssuer(payload.iss, config.accountUrl)) throw unauthorized(`issuer not accepted: ${String(payload.iss).slice(0, 200)}`);
    const claims = WebhookClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized(`token claims invalid at ${claims.error.issues[0]?.path.join('.') || '(claims)'}`);
    return claims.data;
  };

  return async function verifySignedToken(token: string): Promise<WebhookClaims> {
    const alg = checkStructure(token, config.algorithms);
    const fitting = staticKeys.filter((k) => k.family === KEY_FAMILY[alg]);
    let lastError: unknown;
    if (fitting.length > 0) {
      const hinted = fitting.length > 1 ? keyBySender.get(unverifiedSender(token) ?? '') : undefined;
      const ordered =
        hinted === undefined ? fitting : [...fitting.filter((k) => k.index === hinted), ...fitting.filter((k) => k.index !== hinted)];
      for (const { key, index } of ordered) {
        try {
          const claims = await verifyWith(token, key);
          if (fitting.length > 1) remember(claims.sub, index);
          return claims;
        } catch (error) {
          // Only a failed signature means "another key may fit"; anything else was checked after the signature held.
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw asRejection(error);
          lastError = error;
        }
      }
    }
    if (keySetFor) {
      // Discovery fetches from the issuer, so the issuer is checked before verification in that mode.
      const keySet = await keySetFor(readUnverifiedIssuer(token, config.accountUrl));
      try {
        return await verifyWith(token, keySet);
      } catch (error) {
        throw asRejection(error);
      }
    }
    if (staticKeys.length === 0) throw unauthorized('no webhook public key configured');
    throw lastError === undefined ? unauthorized(`no configured key fits ${alg}`) : asRejection(lastError);
  };
}

/**
 * The cheap structural checks, before any key is used: size caps, then the JOSE header (≤ 8 KiB,
 * the only part decoded here) naming an algorithm we pin. Returns that algorithm.
 */
function checkStructure(token: string, algorithms: readonly WebhookAlgorithm[]): WebhookAlgorithm {
  if (token.length > MAX_TOKEN_CHARS) throw unauthorized(`token over ${MAX_TOKEN_CHARS / 1_024} KiB`);
  const headerEnd = token.indexOf('.');
  if (headerEnd < 0 || headerEnd > MAX_JOSE_HEADER_CHARS) throw unauthorized('JOSE header over 8 KiB');
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch (error) {
    throw unauthorized('JOSE header cannot be decoded', error);
  }
  if (typeof alg !== 'string' || !(algorithms as readonly string[]).includes(alg))
    throw unauthorized(`algorithm not allowed: ${String(alg).slice(0, 20)}`);
  return alg as WebhookAlgorithm;
}

/** The unverified `sub`, for ordering keys only; undefined for payloads over MAX_HINT_PAYLOAD_CHARS or unreadable ones. */
function unverifiedSender(token: string): string | undefined {
  const start = token.indexOf('.') + 1;
  const end = token.indexOf('.', start);
  if (end - start > MAX_HINT_PAYLOAD_CHARS) return undefined;
  try {
    const sub = (JSON.parse(new TextDecoder().decode(base64url.decode(token.slice(start, end)))) as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** Issuer check on the still-unverified token, so nothing is fetched for a foreign issuer. */
function readUnverifiedIssuer(token: string, accountUrl: string | undefined): string {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch (error) {
    throw unauthorized('token cannot be decoded', error);
  }
  const issuer = acceptedIssuer(iss, accountUrl);
  if (!issuer) throw unauthorized(`issuer not accepted: ${typeof iss === 'string' ? iss.slice(0, 200) : typeof iss}`);
  return issuer;
}

function asRejection(error: unknown): DeliveryRejected {
  if (error instanceof DeliveryRejected) return error;
  if (error instanceof errors.JOSEError) return unauthorized(`${error.code}: ${error.message}`, error);
  return unauthorized(`verification failed: ${error instanceof Error ? error.message : String(error)}`, error);
}
