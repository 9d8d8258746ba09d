import { gzipSync } from 'node:zlib';
import { type HostileKit, signedBody } from './hostile-tokens.js';
import { TOKEN_CASES } from './hostile-token-cases.js';
import { ACCOUNT, ISSUER, requestEnvelope, verifyEnvelope } from './signing.js';

export const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** One hostile delivery and the status the receiver documents for it (docs/webhooks-and-security.md "Security"). */
export interface HostileCase {
  name: string;
  status: number;
  body: string | Uint8Array | ((kit: HostileKit) => Promise<string | Uint8Array> | string | Uint8Array);
  headers?: Record<string, string>;
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const sign = (kit: HostileKit, data: object, claims = {}, header = {}) => kit.signer.sign(data, claims, header).then(signedBody);
const withCallback = (callback: string) => (kit: HostileKit) => sign(kit, { ...verifyEnvelope(), payload: { callback } });

const FRAMING_CASES: HostileCase[] = [
  { name: 'truncated signed JSON', status: 400, body: async (kit) => (await sign(kit, requestEnvelope())).slice(0, -3) },
  // Signatures are required: a body that does not open as `{"jwt":` is refused from its bytes, never parsed.
  { name: 'truncated plain JSON', status: 401, body: '{"webhook_id":1,"account_id":"acme"' },
  { name: 'empty body', status: 400, body: '' },
  { name: 'JSON null', status: 400, body: 'null' },
  { name: 'JSON array', status: 400, body: '[]' },
  { name: 'JSON string', status: 400, body: '"jwt"' },
  { name: 'JSON number', status: 400, body: '12345' },
  { name: 'deeply nested arrays (30 000 levels)', status: 400, body: nested(30_000) },
  { name: 'invalid UTF-8 bytes', status: 400, body: new Uint8Array([0x7b, 0x22, 0x6a, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'UTF-16 byte order mark and UTF-16 text', status: 400, body: Buffer.from('\ufeff{"jwt":"a.b.c"}', 'utf16le') },
  { name: 'NUL bytes', status: 400, body: '{"jwt":"\u0000"}' },
  { name: 'jwt is a number', status: 400, body: '{"jwt":123}' },
  { name: 'jwt is not a compact JWS', status: 400, body: '{"jwt":"not a token"}' },
  { name: 'jwt with five segments (JWE-like)', status: 400, body: '{"jwt":"a.b.c.d.e"}' },
  { name: 'jwt of 20 000 dots', status: 400, body: () => JSON.stringify({ jwt: '.'.repeat(20_000) }) },
  {
    name: 'jwt with an extra key',
    status: 400,
    body: async (kit) => JSON.stringify({ jwt: await kit.signer.sign(requestEnvelope()), extra: 1 }),
  },
  {
    name: 'jwt next to a __proto__ key',
    status: 400,
    body: async (kit) => `{"jwt":"${await kit.signer.sign(requestEnvelope())}","__proto__":{"polluted":true}}`,
  },
  {
    name: 'duplicate jwt keys, last one invalid',
    status: 400,
    body: async (kit) => `{"jwt":"${await kit.signer.sign(requestEnvelope())}","jwt":"x"}`,
  },
  { name: 'signed body followed by garbage', status: 400, body: async (kit) => `${await sign(kit, requestEnvelope())}garbage` },
  {
    name: 'unsigned body with __proto__ and constructor keys',
    status: 401,
    body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  },
];

const TRANSPORT_CASES: HostileCase[] = [
  { name: 'Content-Type text/plain', status: 415, body: (kit) => sign(kit, requestEnvelope()), headers: { 'content-type': 'text/plain' } },
  { name: 'no Content-Type', status: 415, body: (kit) => sign(kit, requestEnvelope()), headers: {} },
  { name: 'form-encoded', status: 415, body: 'jwt=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  {
    name: 'JSON in latin1',
    status: 415,
    body: (kit) => sign(kit, requestEnvelope()),
    headers: { 'content-type': 'application/json; charset=latin1' },
  },
  {
    name: 'JSON in UTF-16',
    status: 415,
    body: (kit) => sign(kit, requestEnvelope()),
    headers: { 'content-type': 'application/json; charset=utf-16' },
  },
  {
    name: 'Content-Type application/jsonx',
    status: 415,
    body: (kit) => sign(kit, requestEnvelope()),
    headers: { 'content-type': 'application/jsonx' },
  },
  {
    name: 'application/jwt (not what Xurrent sends)',
    status: 415,
    body: async (kit) => kit.signer.sign(requestEnvelope()),
    headers: { 'content-type': 'application/jwt' },
  },
  {
    name: 'gzip-encoded body',
    status: 415,
    body: async (kit) => gzipSync(await sign(kit, requestEnvelope())),
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
  },
  { name: 'body over WEBHOOK_MAX_BYTES', status: 413, body: (kit) => JSON.stringify({ jwt: 'a'.repeat(kit.maxBytes + 1) }) },
  {
    name: 'signed JWT over WEBHOOK_MAX_BYTES',
    status: 413,
    body: async (kit) => sign(kit, requestEnvelope({ name: 'x'.repeat(kit.maxBytes) })),
  },
  {
    name: '10 000-character delivery header on a bad body',
    status: 400,
    body: 'null',
    headers: { ...JSON_TYPE, 'x-xurrent-delivery': 'd'.repeat(10_000) },
  },
];

const ENVELOPE_CASES: HostileCase[] = [
  { name: 'unknown account', status: 403, body: (kit) => sign(kit, requestEnvelope({ account_id: 'globex' })) },
  { name: 'account id with a zero-width space', status: 403, body: (kit) => sign(kit, requestEnvelope({ account_id: 'acme\u200b' })) },
  { name: 'account_id missing', status: 400, body: (kit) => sign(kit, requestEnvelope({ account_id: undefined })) },
  { name: 'event missing', status: 400, body: (kit) => sign(kit, requestEnvelope({ event: undefined })) },
  { name: 'event is a number', status: 400, body: (kit) => sign(kit, requestEnvelope({ event: 42 })) },
  { name: 'webhook_id is an object', status: 400, body: (kit) => sign(kit, requestEnvelope({ webhook_id: { id: 1 } })) },
  { name: 'payload is a string', status: 400, body: (kit) => sign(kit, requestEnvelope({ payload: 'status' })) },
  { name: 'request event without object_nodeID', status: 400, body: (kit) => sign(kit, requestEnvelope({ object_nodeID: undefined })) },
  {
    name: 'status-changed without payload.status',
    status: 400,
    body: (kit) => sign(kit, requestEnvelope({ event: 'request.status-changed', payload: {} })),
  },
  {
    name: 'payload.status nested 2 000 levels deep',
    status: 400,
    body: (kit) => sign(kit, requestEnvelope({ payload: { status: JSON.parse(nested(2_000)) } })),
  },
  { name: 'huge person_name (30 KB)', status: 400, body: (kit) => sign(kit, requestEnvelope({ person_name: 'é'.repeat(15_000) })) },
  // webhook.verify callbacks that would make us call somewhere else (request forgery)
  { name: 'verify callback over http', status: 400, body: withCallback(`http://${ACCOUNT}.xurrent.qa/webhooks/7/verify?code=x`) },
  { name: 'verify callback on another host (cloud metadata)', status: 400, body: withCallback('https://169.254.169.254/latest/meta-data') },
  { name: 'verify callback with userinfo trick', status: 400, body: withCallback(`${ISSUER}@evil.example/verify`) },
  { name: 'verify callback on a decimal IP (127.0.0.1)', status: 400, body: withCallback('https://2130706433/webhooks/7/verify?code=x') },
  { name: 'verify callback on IPv6 loopback', status: 400, body: withCallback('https://[::1]/webhooks/7/verify?code=x') },
  { name: 'verify callback on localhost', status: 400, body: withCallback('https://localhost/webhooks/7/verify?code=x') },
  { name: 'verify callback on a non-default port', status: 400, body: withCallback(`${ISSUER}:6379/webhooks/7/verify?code=x`) },
  {
    name: 'verify callback with CR/LF header injection',
    status: 400,
    body: withCallback(`${ISSUER}/webhooks/7/verify?code=x\r\nHost: 127.0.0.1`),
  },
  {
    name: "verify callback on another account's host",
    status: 400,
    body: withCallback('https://globex.xurrent.qa/webhooks/7/verify?code=x'),
  },
  {
    name: 'verify callback with a trailing-dot host',
    status: 400,
    body: withCallback(`https://${ACCOUNT}.xurrent.qa./webhooks/7/verify?code=x`),
  },
  // Unicode events are acknowledged, never queued
  {
    name: 'event with a Cyrillic look-alike letter',
    status: 200,
    body: (kit) => sign(kit, requestEnvelope({ event: 'request.updat\u0435' })),
  },
  { name: 'event with a lone surrogate', status: 200, body: (kit) => sign(kit, requestEnvelope({ event: 'request.\ud800update' })) },
  {
    name: 'event with a right-to-left override',
    status: 200,
    body: (kit) => sign(kit, requestEnvelope({ event: 'request.\u202eetadpu' })),
  },
];

/** The whole hostile suite: none of these may be queued, and none may get a 5xx. */
export const HOSTILE_CASES: readonly HostileCase[] = [...FRAMING_CASES, ...TRANSPORT_CASES, ...TOKEN_CASES, ...ENVELOPE_CASES];
