import { createPublicKey } from 'node:crypto';
import { base64url, exportJWK, SignJWT } from 'jose';
import type { HostileCase } from './hostile-cases.js';
import { alterOneChar, claimsFor, signedBody, signHmac, signHs256WithPem, signPss, signRaw, unsignedJwt } from './hostile-tokens.js';
import { ACCOUNT, AUDIENCE, ISSUER, requestEnvelope } from './signing.js';

const now = () => Math.floor(Date.now() / 1_000);
const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

/** Authenticity: every case is a token that must be refused with 401 (expected statuses documented in docs/webhooks-and-security.md "Security"). */
export const TOKEN_CASES: HostileCase[] = [
  { name: 'unsigned envelope while signatures are required', status: 401, body: () => JSON.stringify(requestEnvelope()) },
  // `none` in every spelling, with and without a signature segment
  { name: 'alg none', status: 401, body: () => signedBody(unsignedJwt({ alg: 'none', typ: 'JWT' }, claimsFor())) },
  { name: 'alg None', status: 401, body: () => signedBody(unsignedJwt({ alg: 'None' }, claimsFor())) },
  { name: 'alg NONE with a garbage signature', status: 401, body: () => signedBody(unsignedJwt({ alg: 'NONE' }, claimsFor(), 'AAAA')) },
  {
    name: 'alg nOnE carrying our real RS256 signature',
    status: 401,
    body: async (kit) => {
      const [, p, s] = (await kit.signer.sign(requestEnvelope())).split('.');
      return signedBody(`${base64url.encode('{"alg":"nOnE"}')}.${p}.${s}`);
    },
  },
  { name: 'no alg in the header', status: 401, body: (kit) => signRaw(kit, { typ: 'JWT' }, claimsFor()).then(signedBody) },
  { name: 'alg as an array', status: 401, body: (kit) => signRaw(kit, { alg: ['RS256'] }, claimsFor()).then(signedBody) },
  { name: 'alg "RS256 " with a trailing space', status: 401, body: (kit) => signRaw(kit, { alg: 'RS256 ' }, claimsFor()).then(signedBody) },
  // Algorithm confusion: HMAC keyed with public material
  { name: 'HS256 signed with the public key as secret', status: 401, body: (kit) => signHs256WithPem(kit).then(signedBody) },
  {
    name: 'HS384 signed with the public key as secret',
    status: 401,
    body: (kit) => signedBody(signHmac({ alg: 'HS384' }, claimsFor(), kit.signer.publicKeyPem)),
  },
  {
    name: 'HS512 signed with the public key as secret',
    status: 401,
    body: (kit) => signedBody(signHmac({ alg: 'HS512' }, claimsFor(), kit.signer.publicKeyPem)),
  },
  {
    name: 'HS256 signed with the public key DER',
    status: 401,
    body: (kit) => signedBody(signHmac({ alg: 'HS256' }, claimsFor(), Buffer.from(pemBody(kit.signer.publicKeyPem), 'base64'))),
  },
  {
    name: 'HS256 signed with the public key as JWK JSON',
    status: 401,
    body: async (kit) =>
      signedBody(signHmac({ alg: 'HS256' }, claimsFor(), JSON.stringify(await exportJWK(createPublicKey(kit.signer.publicKeyPem))))),
  },
  { name: 'PS256 made with our own RSA key (algorithm not pinned)', status: 401, body: (kit) => signedBody(signPss(kit, claimsFor())) },
  {
    name: 'RS256 signature relabelled RS512',
    status: 401,
    body: async (kit) => {
      const [, p, s] = (await kit.signer.sign(requestEnvelope())).split('.');
      return signedBody(`${base64url.encode('{"alg":"RS512","typ":"JWT"}')}.${p}.${s}`);
    },
  },
  { name: 'ES256 while only RS256 is allowed', status: 401, body: async (kit) => signedBody(await kit.ecSigner.sign(requestEnvelope())) },
  { name: 'signed by another key', status: 401, body: async (kit) => signedBody(await kit.stranger.sign(requestEnvelope())) },
  // kid / jku / jwk / x5u injection: the key never comes from the token
  {
    name: 'kid path traversal to /dev/null, HS256 with an empty secret',
    status: 401,
    body: () => signedBody(signHmac({ alg: 'HS256', kid: '../../../../../../dev/null' }, claimsFor(), '')),
  },
  {
    name: 'kid SQL injection naming the HMAC secret',
    status: 401,
    body: () => signedBody(signHmac({ alg: 'HS256', kid: "x' UNION SELECT 'k'--" }, claimsFor(), 'k')),
  },
  {
    name: 'kid with CR/LF and 4 000 characters, stranger key',
    status: 401,
    body: async (kit) => signedBody(await kit.stranger.sign(requestEnvelope(), {}, { kid: `a\r\nX-Injected: 1${'k'.repeat(4_000)}` })),
  },
  {
    name: 'wrong kid and another key',
    status: 401,
    body: async (kit) => signedBody(await kit.stranger.sign(requestEnvelope(), {}, { kid: 'not-ours' })),
  },
  {
    name: 'jku pointing to an attacker JWKS',
    status: 401,
    body: async (kit) => signedBody(await kit.stranger.sign(requestEnvelope(), {}, { jku: 'https://evil.example/jwks.json', kid: 'evil' })),
  },
  {
    name: 'x5u pointing to an attacker certificate',
    status: 401,
    body: async (kit) => signedBody(await kit.stranger.sign(requestEnvelope(), {}, { x5u: 'http://169.254.169.254/cert.pem' })),
  },
  {
    name: 'embedded jwk header with the attacker key',
    status: 401,
    body: async (kit) =>
      signedBody(await kit.stranger.sign(requestEnvelope(), {}, { jwk: await exportJWK(createPublicKey(kit.stranger.publicKeyPem)) })),
  },
  // Integrity and framing of the token
  {
    name: 'payload altered in one character',
    status: 401,
    body: async (kit) => signedBody(alterOneChar(await kit.signer.sign(requestEnvelope()), 1)),
  },
  {
    name: 'signature altered in one character',
    status: 401,
    body: async (kit) => signedBody(alterOneChar(await kit.signer.sign(requestEnvelope()), 2)),
  },
  {
    name: 'empty signature segment under RS256',
    status: 401,
    body: async (kit) => {
      const [h, p] = (await kit.signer.sign(requestEnvelope())).split('.');
      return signedBody(`${h}.${p}.`);
    },
  },
  {
    name: 'payload segment that is not base64 JSON (40 KB)',
    status: 401,
    body: async (kit) => {
      const [h, , s] = (await kit.signer.sign(requestEnvelope())).split('.');
      return signedBody(`${h}.${'Z'.repeat(40_000)}.${s}`);
    },
  },
  {
    name: 'unencoded payload (b64: false, crit)',
    status: 401,
    body: (kit) => signRaw(kit, { alg: 'RS256', b64: false, crit: ['b64'] }, claimsFor()).then(signedBody),
  },
  {
    name: 'unknown critical header',
    status: 401,
    body: (kit) => signRaw(kit, { alg: 'RS256', crit: ['x-unknown'], 'x-unknown': 1 }, claimsFor()).then(signedBody),
  },
  {
    name: 'JOSE header over 8 KiB',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), {}, { pad: 'x'.repeat(9_000) })),
  },
  // Claims
  {
    name: 'expired token (beyond 60 s leeway)',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { exp: now() - 120 })),
  },
  {
    name: 'nbf in the future (beyond 60 s leeway)',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { nbf: now() + 300 })),
  },
  {
    name: 'exp that is not a number',
    status: 401,
    body: (kit) => signRaw(kit, { alg: 'RS256' }, claimsFor(requestEnvelope(), { exp: 'tomorrow' })).then(signedBody),
  },
  {
    name: 'issuer of another account',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { iss: 'https://globex.xurrent.qa' })),
  },
  {
    name: 'issuer over http',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { iss: `http://${ACCOUNT}.xurrent.qa` })),
  },
  {
    name: 'issuer with a look-alike host',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { iss: `${ISSUER}.evil.example` })),
  },
  {
    name: 'issuer as an array holding ours',
    status: 401,
    body: (kit) => signRaw(kit, { alg: 'RS256' }, claimsFor(requestEnvelope(), { iss: [ISSUER] })).then(signedBody),
  },
  {
    name: 'policy issuer with path traversal',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { iss: `${ISSUER}/webhook_policies/../../x` })),
  },
  {
    name: 'wrong audience',
    status: 401,
    body: async (kit) => signedBody(await kit.signer.sign(requestEnvelope(), { aud: 'someone-else' })),
  },
  {
    name: 'audience as a number',
    status: 401,
    body: (kit) => signRaw(kit, { alg: 'RS256' }, claimsFor(requestEnvelope(), { aud: 42 })).then(signedBody),
  },
  {
    name: 'no data claim',
    status: 401,
    body: async (kit) =>
      signedBody(
        await new SignJWT({ jti: 'j' })
          .setProtectedHeader({ alg: 'RS256' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .sign(kit.signer.privateKey),
      ),
  },
  {
    name: 'data claim is an array',
    status: 401,
    body: async (kit) =>
      signedBody(
        await new SignJWT({ data: [1] })
          .setProtectedHeader({ alg: 'RS256' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .sign(kit.signer.privateKey),
      ),
  },
];
