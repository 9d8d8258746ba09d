import { constants, createHmac, KeyObject, sign as signWithNode } from 'node:crypto';
import { base64url, SignJWT } from 'jose';
import { AUDIENCE, ISSUER, requestEnvelope, type TestSigner } from './signing.js';

/** The signers a hostile case may use: ours (trusted), a stranger's RSA key and an EC key. */
export interface HostileKit {
  signer: TestSigner;
  stranger: TestSigner;
  ecSigner: TestSigner;
  /** WEBHOOK_MAX_BYTES of the intake under test. */
  maxBytes: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1_000);
export const signedBody = (jwt: string) => JSON.stringify({ jwt });

/** Claims as Xurrent sets them, for hand-made tokens. */
export const claimsFor = (data: object = requestEnvelope(), extra: object = {}) => ({
  data,
  iss: ISSUER,
  aud: AUDIENCE,
  iat: nowSeconds(),
  jti: `h${Math.random().toString(36).slice(2)}`,
  ...extra,
});

export const signingInput = (header: object, claims: object) =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;

/** A token with an empty signature, as `alg: none` sends it. */
export const unsignedJwt = (header: object, claims: object, signature = '') => `${signingInput(header, claims)}.${signature}`;

/** Signs with our own private key without jose's header checks, to make tokens jose refuses to create. */
export async function signRaw(kit: HostileKit, header: object, claims: object): Promise<string> {
  const input = signingInput(header, claims);
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', kit.signer.privateKey, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

/** Our own RSA key used for RSA-PSS (PS256): a real signature under an algorithm that is not pinned. */
export function signPss(kit: HostileKit, claims: object): string {
  const input = signingInput({ alg: 'PS256', typ: 'JWT' }, claims);
  const key = KeyObject.from(kit.signer.privateKey);
  const signature = signWithNode('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${base64url.encode(signature)}`;
}

/** HMAC-signed token (the algorithm-confusion attack: the secret is something public, such as our key). */
export function signHmac(
  header: { alg: 'HS256' | 'HS384' | 'HS512' } & Record<string, unknown>,
  claims: object,
  secret: string | Uint8Array,
): string {
  const input = signingInput(header, claims);
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[header.alg];
  return `${input}.${base64url.encode(createHmac(hash, secret).update(input).digest())}`;
}

/** jose's own HS256 signing with the PEM text as the secret (what a confused verifier would accept). */
export const signHs256WithPem = (kit: HostileKit) =>
  new SignJWT({ data: requestEnvelope() })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(new TextEncoder().encode(kit.signer.publicKeyPem));

/** Replaces one character of a segment (0 header, 1 payload, 2 signature) by another base64url character. */
export function alterOneChar(token: string, segment: 0 | 1 | 2, at = 10): string {
  const parts = token.split('.');
  const text = parts[segment] ?? '';
  const index = Math.min(at, text.length - 2);
  const replacement = text[index] === 'A' ? 'B' : 'A';
  parts[segment] = text.slice(0, index) + replacement + text.slice(index + 1);
  return parts.join('.');
}
