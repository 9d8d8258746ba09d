import { createPublicKey } from 'node:crypto';
import { exportJWK } from 'jose';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSigner, requestEnvelope, type TestSigner } from '../helpers/signing.js';
import { discoveryIntake, DISCOVERY_ENV, POLICY_ISSUER } from './key-discovery-intake.js';

const intakes = discoveryIntake();
const { deliver } = intakes;

/**
 * Discovery bounded against unauthenticated senders (issue 18, point 4), against Xurrent faked with
 * nock on the real fetch: static keys first, only our account's issuers, failures remembered, one
 * fetch per issuer at a time, a cap per minute.
 */
describe('key discovery under load from unauthenticated senders', () => {
  const HOST = 'https://acme.xurrent.qa';
  const configPath = (policy: string) => `/webhook_policies/${policy}/.well-known/openid-configuration`;
  let clock = Date.parse('2026-12-02T10:00:00Z');
  const now = () => new Date(clock);

  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** Xurrent's discovery documents for policy `wp-1`, counting each fetch; `status` for the configuration document. */
  async function nockXurrent(signer: TestSigner, { status = 200, delayMs = 0, times = 10 } = {}) {
    const jwk = { ...(await exportJWK(createPublicKey(signer.publicKeyPem))), kid: 'key-1', use: 'sig', alg: 'RS256' };
    const fetched = { configuration: 0, jwks: 0 };
    nock(HOST)
      .get(configPath('wp-1'))
      .times(times)
      .delay(delayMs)
      .reply(() => {
        fetched.configuration += 1;
        return status === 200 ? [200, { issuer: POLICY_ISSUER, jwks_uri: `${POLICY_ISSUER}/jwks` }] : [status, 'error'];
      });
    nock(HOST)
      .get('/webhook_policies/wp-1/jwks')
      .times(times)
      .reply(() => {
        fetched.jwks += 1;
        return [200, { keys: [jwk] }];
      });
    return fetched;
  }

  const start = (extra: Record<string, string> = {}) => intakes.start({ ...DISCOVERY_ENV, ...extra }, { now });

  it('tries the static keys first: a delivery they verify is queued though discovery fails', async () => {
    const [signer, discovered] = await Promise.all([createTestSigner(), createTestSigner()]);
    const fetched = await nockXurrent(discovered, { status: 500 });
    await start({ XURRENT_WEBHOOK_PUBLIC_KEY: signer.publicKeyPem });
    expect((await deliver(await signer.sign(requestEnvelope()))).status).toBe(202);
    expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(202);
    expect(fetched).toEqual({ configuration: 0, jwks: 0 });
    // A token the static key does not verify still goes to discovery (which fails here: 503, retried).
    expect((await deliver(await discovered.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(503);
    expect(fetched.configuration).toBe(1);
  });

  it.each([
    ['another account on our domain', 'https://globex.xurrent.qa/webhook_policies/wp-1'],
    ['our account on another domain', 'https://acme.xurrent.com/webhook_policies/wp-1'],
    ['our account over http', 'http://acme.xurrent.qa/webhook_policies/wp-1'],
  ])('never discovers for %s', async (_name, iss) => {
    const signer = await createTestSigner();
    const fetched = await nockXurrent(signer);
    await start();
    expect((await deliver(await signer.sign(requestEnvelope(), { iss }, { kid: 'key-1' }))).status).toBe(401);
    expect(fetched).toEqual({ configuration: 0, jwks: 0 });
    expect(nock.pendingMocks()).toHaveLength(2);
  });

  it('merges concurrent discoveries of one issuer into one fetch', async () => {
    const signer = await createTestSigner();
    const fetched = await nockXurrent(signer, { delayMs: 150 });
    await start();
    const tokens = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' })),
    );
    const statuses = await Promise.all(tokens.map((token) => deliver(token).then((r) => r.status)));
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    expect(fetched).toEqual({ configuration: 1, jwks: 1 });
  });

  it('remembers a failure for 5 minutes, then tries again', async () => {
    const signer = await createTestSigner();
    const fetched = await nockXurrent(signer, { status: 503, times: 1 });
    await start();
    const token = () => signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' });
    for (let i = 0; i < 4; i += 1) expect((await deliver(await token())).status).toBe(503);
    expect(fetched.configuration).toBe(1);
    clock += 4 * 60_000;
    expect((await deliver(await token())).status).toBe(503);
    expect(fetched.configuration).toBe(1);
    // Xurrent is back; once the failure has aged out the next delivery discovers again and is queued.
    nock(HOST)
      .get(configPath('wp-1'))
      .reply(() => {
        fetched.configuration += 1;
        return [200, { issuer: POLICY_ISSUER, jwks_uri: `${POLICY_ISSUER}/jwks` }];
      });
    clock += 61_000;
    expect((await deliver(await token())).status).toBe(202);
    expect(fetched).toEqual({ configuration: 2, jwks: 1 });
  });

  it('answers 401 for a made-up policy name (404), once per name per 5 minutes', async () => {
    const signer = await createTestSigner();
    let asked = 0;
    nock(HOST)
      .get(configPath('made-up'))
      .times(5)
      .reply(() => {
        asked += 1;
        return [404, 'not found'];
      });
    await start();
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await deliver(await signer.sign(requestEnvelope(), { iss: `${HOST}/webhook_policies/made-up` }, { kid: 'key-1' }))).status,
      ).toBe(401);
    }
    expect(asked).toBe(1);
  });

  it('caps discoveries per minute (XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE): beyond, 503 without a fetch', async () => {
    const signer = await createTestSigner();
    const asked: string[] = [];
    nock(HOST)
      .get(/\/webhook_policies\/random-\d+\/\.well-known\/openid-configuration/)
      .times(10)
      .reply((uri) => {
        asked.push(uri);
        return [404, 'not found'];
      });
    await start({ XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE: '2' });
    const random = async (n: number) =>
      (await deliver(await signer.sign(requestEnvelope(), { iss: `${HOST}/webhook_policies/random-${n}` }, { kid: 'k' }))).status;
    expect([await random(1), await random(2), await random(3), await random(4)]).toEqual([401, 401, 503, 503]);
    expect(asked).toHaveLength(2);
    clock += 60_000;
    expect(await random(5)).toBe(401);
    expect(asked).toHaveLength(3);
  });
});
