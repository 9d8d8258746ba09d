import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const ACCOUNT = 'acme';
export const DOMAIN = 'xurrent.qa';
export const ISSUER = `https://${ACCOUNT}.${DOMAIN}`;
export const AUDIENCE = 'support-worker';

/** Claims to set over Xurrent's; a claim given as undefined is left out of the token. */
export type ClaimOverrides = { [K in keyof JWTPayload]?: JWTPayload[K] | undefined };

export interface TestSigner {
  alg: string;
  publicKeyPem: string;
  privateKey: CryptoKey;
  /** Signs `data` as Xurrent does ({ data, iss, aud, iat, nbf, jti }); `claims`/`header` override. */
  sign(data: object, claims?: ClaimOverrides, header?: Record<string, unknown>): Promise<string>;
}

export async function createTestSigner(alg = 'RS256'): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicKeyPem = await exportSPKI(publicKey);
  return {
    alg,
    publicKeyPem,
    privateKey,
    sign: (data, claims = {}, header = {}) => {
      const issuedAt = Math.floor(Date.now() / 1_000);
      const claimed = { data, iss: ISSUER, aud: AUDIENCE, iat: issuedAt, nbf: issuedAt, jti: randomUUID().replace(/-/g, ''), ...claims };
      const payload: JWTPayload = Object.fromEntries(Object.entries(claimed).filter(([, value]) => value !== undefined));
      return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT', ...header }).sign(privateKey);
    },
  };
}

/** Environment trusting `signer` for account acme on xurrent.qa. */
export function signedEnv(signer: TestSigner, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    XURRENT_ACCOUNT: ACCOUNT,
    XURRENT_DOMAIN: DOMAIN,
    XURRENT_WEBHOOK_AUDIENCE: AUDIENCE,
    XURRENT_WEBHOOK_PUBLIC_KEY: signer.publicKeyPem,
    XURRENT_WEBHOOK_ALGORITHMS: signer.alg,
    ...overrides,
  };
}

let objectId = 1_000;
/** A realistic request event envelope (docs/xurrent-api.md#webhook-delivery). */
export function requestEnvelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  objectId += 1;
  return {
    webhook_id: 7,
    webhook_nodeID: 'NG1lLXN0YWdpbmcuY29tL1dlYmhvb2svNw',
    account_id: ACCOUNT,
    account: ISSUER,
    name: 'support worker',
    event: 'request.update',
    object_id: objectId,
    object_nodeID: `NG1lLmNvbS9SZXF1ZXN0LyR7${objectId}`,
    person_id: 591,
    person_nodeID: 'NG1lLXN0YWdpbmcuY29tL1BlcnNvbi81OTE',
    person_name: 'Howard Tanner',
    payload: { audit_line_id: objectId * 10, source: 'api', status: 'assigned', team: { id: 3, name: 'Service Desk' } },
    ...overrides,
  };
}

/** A `webhook.verify` envelope whose callback is on the test account's host and expires in an hour. */
export function verifyEnvelope(expiresAt = Math.floor(Date.now() / 1_000) + 3_600): Record<string, unknown> {
  return requestEnvelope({
    event: 'webhook.verify',
    object_nodeID: undefined,
    payload: { callback: `${ISSUER}/webhooks/7/verify?code=s3cr3t-code&expires_at=${expiresAt}` },
  });
}
