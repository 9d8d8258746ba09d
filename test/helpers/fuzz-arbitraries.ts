import fc from 'fast-check';
import { base64url } from 'jose';
import { JSON_TYPE } from './hostile-cases.js';
import { signedBody } from './hostile-tokens.js';
import { requestEnvelope, type TestSigner } from './signing.js';

/** One generated delivery, built from a plan (arbitraries are synchronous; signing is not). */
export interface FuzzDelivery {
  kind: string;
  body: string | Uint8Array;
  headers: Record<string, string>;
  /** The token inside the body, when the plan signed one (a 202 must then verify on its own). */
  token?: string;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
const b64 = (max: number) => fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: max });

const contentType = fc.oneof(
  { weight: 16, arbitrary: fc.constant(JSON_TYPE['content-type']) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=UTF8',
      'application/vnd.xurrent+json',
      'text/plain',
      'application/json; charset=latin1',
      'multipart/form-data',
    ),
  },
  { weight: 1, arbitrary: printable(60) },
);
const HEADER_NAMES = [
  'authorization',
  'cookie',
  'x-forwarded-for',
  'x-xurrent-delivery',
  'x-xurrent-delivery-origin',
  'x-4me-delivery',
  'x-4me-delivery-origin',
  'content-encoding',
  'accept',
  'user-agent',
  'link',
] as const;
/** Random extra headers (names Xurrent or a proxy might send, values in printable ASCII) and a content type. */
export const headersArb = fc
  .tuple(contentType, fc.dictionary(fc.constantFrom(...HEADER_NAMES), printable(120), { maxKeys: 4 }))
  .map(([type, extra]) => ({ ...extra, 'content-type': type }));

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...BASE64URL, '.', '=', '+', '/'), fc.string({ maxLength: 1 })),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(b64(20), fc.string({ maxLength: 20 })) }),
  fc.record({
    op: fc.constant('segment' as const),
    segment: fc.integer({ min: 0, max: 2 }),
    text: fc.oneof(
      b64(400),
      fc.jsonValue({ maxDepth: 3 }).map((v) => base64url.encode(JSON.stringify(v) ?? 'null')),
    ),
  }),
  fc.record({
    op: fc.constant('header' as const),
    alg: fc.oneof(fc.constantFrom('none', 'None', 'HS256', 'RS256', 'RS512', 'ES256', 'PS256'), fc.string({ maxLength: 8 })),
    kid: fc.option(fc.string({ maxLength: 40 })),
  }),
  fc.record({ op: fc.constant('swap' as const), i: fc.integer({ min: 0, max: 2 }), j: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export function mutate(token: string, m: Mutation): string {
  const at = (n: number) => n % (token.length + 1);
  const parts = token.split('.');
  switch (m.op) {
    case 'replace':
      return token.slice(0, at(m.at)) + m.text + token.slice(at(m.at) + 1);
    case 'delete':
      return token.slice(0, at(m.at)) + token.slice(at(m.at) + m.length);
    case 'insert':
      return token.slice(0, at(m.at)) + m.text + token.slice(at(m.at));
    case 'segment':
      parts[m.segment] = m.text;
      return parts.join('.');
    case 'header':
      parts[0] = base64url.encode(JSON.stringify({ alg: m.alg, ...(m.kid === null ? {} : { kid: m.kid }) }));
      return parts.join('.');
    case 'swap':
      [parts[m.i], parts[m.j]] = [parts[m.j] ?? '', parts[m.i] ?? ''];
      return parts.join('.');
    case 'truncate':
      return token.slice(0, at(m.at));
  }
}

const envelopeFields = fc.record(
  {
    event: fc.oneof(
      fc.constantFrom('request.update', 'request.status-changed', 'problem.update', 'webhook.verify', 'note.create'),
      fc.string({ maxLength: 30 }),
    ),
    account_id: fc.oneof(fc.constant('acme'), fc.constant('ACME'), fc.string({ maxLength: 20 }), fc.integer()),
    object_nodeID: fc.oneof(fc.string({ maxLength: 60 }), fc.constant(null), fc.integer()),
    payload: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    webhook_id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null)),
  },
  { requiredKeys: [] },
);

/** A plan for one delivery: random bytes or JSON, a mutated valid token, or a validly signed random envelope. */
export const deliveryPlanArb = fc.oneof(
  fc.record({ kind: fc.constant('random-json' as const), value: fc.jsonValue({ maxDepth: 6 }), headers: headersArb }),
  fc.record({ kind: fc.constant('random-text' as const), text: fc.string({ unit: 'binary', maxLength: 300 }), headers: headersArb }),
  fc.record({ kind: fc.constant('random-bytes' as const), bytes: fc.uint8Array({ maxLength: 300 }), headers: headersArb }),
  fc.record({ kind: fc.constant('jwt-shaped' as const), parts: fc.array(b64(200), { minLength: 1, maxLength: 5 }), headers: headersArb }),
  fc.record({
    kind: fc.constant('mutated-token' as const),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    headers: headersArb,
  }),
  fc.record({ kind: fc.constant('signed-envelope' as const), fields: envelopeFields, headers: headersArb }),
);
export type DeliveryPlan = typeof deliveryPlanArb extends fc.Arbitrary<infer P> ? P : never;

export async function buildDelivery(plan: DeliveryPlan, signer: TestSigner): Promise<FuzzDelivery> {
  const { kind, headers } = plan;
  switch (plan.kind) {
    case 'random-json':
      return { kind, headers, body: JSON.stringify(plan.value) ?? 'null' };
    case 'random-text':
      return { kind, headers, body: plan.text };
    case 'random-bytes':
      return { kind, headers, body: plan.bytes };
    case 'jwt-shaped':
      return { kind, headers, body: signedBody(plan.parts.join('.')), token: plan.parts.join('.') };
    case 'mutated-token': {
      const token = plan.mutations.reduce(mutate, await signer.sign(requestEnvelope()));
      return { kind, headers, body: signedBody(token), token };
    }
    case 'signed-envelope': {
      const token = await signer.sign({ ...requestEnvelope(), ...plan.fields });
      return { kind, headers, body: signedBody(token), token };
    }
  }
}
