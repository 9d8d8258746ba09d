import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { REAL, realEnv, type RealDelivery } from '../helpers/real-deliveries.js';

const [rs256, rs512] = REAL.deliveries as [RealDelivery, RealDelivery];
const bodyOf = (jwt: string) => JSON.stringify({ jwt });

let intake: TestIntake | undefined;
afterEach(async () => {
  await intake?.close();
  intake = undefined;
});

async function post(env: Record<string, string>, jwt: string, headers: Record<string, string> = {}) {
  intake ??= await startTestIntake(env);
  return request(intake.app)
    .post('/webhooks/xurrent')
    .set('Content-Type', 'application/json; charset=utf-8')
    .set(headers)
    .send(bodyOf(jwt));
}

describe('real Xurrent deliveries (account wdc on 4me-staging.com, 2021, no exp)', () => {
  it.each([rs256, rs512])('accepts the $alg delivery with its settings and schedules the handshake', async (delivery) => {
    const res = await post(
      realEnv(delivery.publicKeyPem),
      delivery.jwt,
      delivery.httpHeaders?.['X-4me-Delivery'] ? { 'X-4me-Delivery': delivery.httpHeaders['X-4me-Delivery'] } : {},
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'verification scheduled' });
    const jobs = await intake!.queues.webhookVerify.getJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data).toMatchObject({ accountId: 'wdc', callback: delivery.claims.data.payload.callback });
    expect(intake!.logs.text()).not.toContain('code=');
  });

  it('carry the claims the receiver requires: jti (the signed delivery identity) and aud (required in production)', () => {
    for (const { claims } of [rs256, rs512]) {
      expect(claims.jti).toMatch(/^[0-9a-f]{64}$/);
      expect(claims.aud).toBe(REAL.settings.audience);
      expect(claims.exp).toBeUndefined();
    }
  });

  it('accepts the exact recorded HTTP body and headers', async () => {
    intake = await startTestIntake(realEnv(rs256.publicKeyPem));
    const res = await request(intake.app)
      .post('/webhooks/xurrent')
      .set(rs256.httpHeaders ?? {})
      .send(rs256.httpBody);
    expect(res.status).toBe(200);
    expect(await intake.jobCount()).toBe(1);
  });

  it('accepts both tokens when both policy keys are configured (key rotation)', async () => {
    intake = await startTestIntake(realEnv(`${rs256.publicKeyPem}\n${rs512.publicKeyPem}`));
    for (const { jwt } of [rs256, rs512]) {
      expect((await request(intake.app).post('/webhooks/xurrent').type('json').send(bodyOf(jwt))).status).toBe(200);
    }
    expect(await intake.jobCount()).toBe(2);
  });

  it('accepts a PEM given with literal \\n sequences', async () => {
    const res = await post(realEnv(rs256.publicKeyPem.replace(/\n/g, '\\n')), rs256.jwt);
    expect(res.status).toBe(200);
  });

  describe('each listed rejection gives 401 and queues nothing', () => {
    const cases: [string, RealDelivery, Record<string, string>][] = [
      ['RS256 token with another public key', rs256, realEnv(rs512.publicKeyPem)],
      ['RS256 token with issuer https://wdc.4me-demo.com', rs256, realEnv(rs256.publicKeyPem, 'RS256', { XURRENT_DOMAIN: '4me-demo.com' })],
      ['RS512 token with issuer https://wdc.4me-demo.com', rs512, realEnv(rs512.publicKeyPem, 'RS512', { XURRENT_DOMAIN: '4me-demo.com' })],
      [
        "RS256 token for account 'globalnet'",
        rs256,
        realEnv(rs256.publicKeyPem, 'RS256', { XURRENT_ACCOUNT: 'globalnet', XURRENT_CUSTOMER_ACCOUNTS: 'wdc' }),
      ],
      ["RS512 token for account 'globalnet'", rs512, realEnv(rs512.publicKeyPem, 'RS512', { XURRENT_ACCOUNT: 'globalnet' })],
      ["RS256 token with audience 'audience'", rs256, realEnv(rs256.publicKeyPem, 'RS256', { XURRENT_WEBHOOK_AUDIENCE: 'audience' })],
      ["RS512 token with audience 'audience'", rs512, realEnv(rs512.publicKeyPem, 'RS512', { XURRENT_WEBHOOK_AUDIENCE: 'audience' })],
      ['RS256 token when only RS512 is allowed', rs256, realEnv(rs256.publicKeyPem, 'RS512')],
    ];
    it.each(cases)('%s', async (_name, delivery, env) => {
      const res = await post(env, delivery.jwt);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Unauthorized' });
      expect(await intake!.jobCount()).toBe(0);
    });
  });

  it.each([
    ['header', 5],
    ['payload', 40],
    ['signature', -5],
  ] as const)('refuses the token altered in one byte of its %s with 401', async (part, offset) => {
    const [header, payload, signature] = rs256.jwt.split('.') as [string, string, string];
    const segments = { header, payload, signature };
    const text = segments[part];
    const index = offset < 0 ? text.length + offset : offset;
    segments[part] = text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
    const res = await post(realEnv(rs256.publicKeyPem), `${segments.header}.${segments.payload}.${segments.signature}`);
    expect(res.status).toBe(401);
    expect(await intake!.jobCount()).toBe(0);
  });

  it('answers a redelivery with the same delivery id 200 and keeps exactly one job', async () => {
    const headers = { 'X-Xurrent-Delivery': '8fd93dc6-1d43-49c2-892e-2ab5cb029e4e' };
    expect((await post(realEnv(rs256.publicKeyPem), rs256.jwt, headers)).status).toBe(200);
    const again = await post(realEnv(rs256.publicKeyPem), rs256.jwt, headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate' });
    expect(await intake!.jobCount()).toBe(1);
  });

  it('answers the same jti under a new delivery id, or without any, 200 and keeps exactly one job', async () => {
    const env = realEnv(rs512.publicKeyPem);
    expect((await post(env, rs512.jwt, { 'X-Xurrent-Delivery': 'first-attempt' })).body).toEqual({ status: 'verification scheduled' });
    expect((await post(env, rs512.jwt, { 'X-Xurrent-Delivery': 'second-attempt' })).body).toEqual({ status: 'duplicate' });
    expect((await post(env, rs512.jwt)).body).toEqual({ status: 'duplicate' });
    expect(await intake!.jobCount()).toBe(1);
    expect(intake!.metrics.snapshot().outcomes).toMatchObject({ verifying: 1, duplicate: 2 });
  });

  it('keeps the dedup marker for at least 7 days', async () => {
    await post(realEnv(rs256.publicKeyPem), rs256.jwt);
    const keys = await intake!.redis.keys(`${intake!.prefix}:webhook-dedup:*`);
    expect(keys).toHaveLength(1);
    expect(await intake!.redis.ttl(keys[0]!)).toBeGreaterThanOrEqual(7 * 24 * 3600);
  });
});
