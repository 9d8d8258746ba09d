import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, JSON_TYPE } from '../helpers/hostile-cases.js';
import { claimsFor, signedBody, signRaw, type HostileKit } from '../helpers/hostile-tokens.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';

const MAX_BYTES = 65_536;
const now = () => Math.floor(Date.now() / 1_000);

let kit: HostileKit;
let intake: TestIntake;
let server: Listening;
/** Every outgoing request the intake tries: none is expected (keys are static, jku/x5u are never followed). */
const outgoing: string[] = [];

beforeAll(async () => {
  const [signer, stranger, ecSigner] = await Promise.all([createTestSigner('RS256'), createTestSigner('RS256'), createTestSigner('ES256')]);
  kit = { signer, stranger, ecSigner, maxBytes: MAX_BYTES };
  const fetch = (async (input: string | URL | Request) => {
    outgoing.push(String(input instanceof Request ? input.url : input));
    return new Response('no', { status: 404 });
  }) as typeof globalThis.fetch;
  intake = await startTestIntake(signedEnv(signer, { WEBHOOK_MAX_BYTES: String(MAX_BYTES) }), { fetch });
  server = await listen(intake.app);
});
afterAll(async () => {
  await server.close();
  await intake.close();
});

/** Keys under the intake's prefix other than the queues' `meta` (written by the job counts): jobs and dedup markers alike. */
const keysInRedis = async () => (await intake.redis.keys(`${intake.prefix}:*`)).filter((key) => !key.endsWith(':meta'));

describe('hostile input', () => {
  it('has at least 60 cases, each named once', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it.each(HOSTILE_CASES.map((c, index) => [`#${index + 1} ${c.name} → ${c.status}`, c] as const))('%s', async (_name, hostile) => {
    const body = typeof hostile.body === 'function' ? await hostile.body(kit) : hostile.body;
    const response = await postRaw(server.url, body, hostile.headers ?? JSON_TYPE);
    expect(response.status).toBe(hostile.status);
    expect(response.text).not.toMatch(/stack|BEGIN|jose|ERR_|at \w+ \(/i);
    expect(await intake.jobCount()).toBe(0);
    expect(await keysInRedis()).toEqual([]);
  });

  it('made no outgoing request for any token (jku, x5u, jwk and kid are never followed)', () => {
    expect(outgoing).toEqual([]);
  });

  it('is still serving afterwards: a valid delivery is queued', async () => {
    const response = await postRaw(server.url, signedBody(await kit.signer.sign(requestEnvelope())), JSON_TYPE);
    expect(response.status).toBe(202);
    expect(await intake.jobCount()).toBe(1);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    // The hand-made tokens above fail for their header alone: the same construction without it is accepted.
    const handMade = await signRaw(kit, { alg: 'RS256' }, claimsFor());
    expect((await postRaw(server.url, signedBody(handMade), JSON_TYPE)).status).toBe(202);
  });

  it('logs the precise reason under the delivery id, without the token', async () => {
    const token = await kit.signer.sign(requestEnvelope(), { exp: now() - 3_600 });
    await postRaw(server.url, signedBody(token), { ...JSON_TYPE, 'x-xurrent-delivery': 'hostile-expired-1' });
    const line = intake.logs.lines().find((l) => l['deliveryId'] === 'hostile-expired-1');
    expect(line).toMatchObject({ message: 'delivery refused', status: 'unauthorized' });
    expect(String(line?.['reason'])).toContain('ERR_JWT_EXPIRED');
    expect(intake.logs.text()).not.toContain(token.split('.')[1]);
    expect(intake.metrics.snapshot().outcomes['unauthorized']).toBeGreaterThan(30);
  });
});

describe('time claims', () => {
  it.each([
    ['exp 30 s ago (inside the 60 s leeway)', { exp: now() - 30 }],
    ['nbf 30 s ahead (inside the 60 s leeway)', { nbf: now() + 30 }],
    ['no exp and an iat from 2021', { exp: undefined, iat: 1_614_600_431, nbf: 1_614_600_431 }],
  ])('accepts a token with %s', async (_name, claims) => {
    const response = await postRaw(server.url, signedBody(await kit.signer.sign(requestEnvelope(), claims)), JSON_TYPE);
    expect(response.status).toBe(202);
  });
});
