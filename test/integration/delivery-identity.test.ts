import { afterEach, describe, expect, it } from 'vitest';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';

// Replay (issue 18, point 6): the delivery headers are not signed, so a signed delivery is known by
// its jti alone. Otherwise a replayed token under a chosen X-Xurrent-Delivery could claim the id of
// a delivery still to come, and that delivery would be answered "duplicate" and lost.
let intake: TestIntake | undefined;
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  await intake?.close();
  server = undefined;
  intake = undefined;
});

const post = (body: string, delivery?: string) =>
  postRaw(server!.url, body, { 'content-type': 'application/json', ...(delivery ? { 'x-xurrent-delivery': delivery } : {}) });

describe('delivery identity', () => {
  it('takes the job id from the signed jti, and a header naming another delivery blocks nothing', async () => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer));
    server = await listen(intake.app);
    const replayed = JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: 'a1' }) });
    const genuine = JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: 'b2' }) });
    // A replay of a captured token arrives first, under the delivery id of the genuine delivery to come.
    expect((await post(replayed, 'genuine-delivery')).json()).toEqual({ status: 'queued' });
    expect((await post(genuine, 'genuine-delivery')).json()).toEqual({ status: 'queued' });
    const ids = (await intake.queues.events.getJobs()).map((job) => job.id).sort();
    expect(ids).toEqual(['delivery-jti-a1', 'delivery-jti-b2']);
    // The jobs carry the signed identity, not the header.
    expect((await intake.queues.events.getJob('delivery-jti-b2'))?.data).toMatchObject({ deliveryId: 'jti-b2' });
  });

  it('answers the same token duplicate whatever delivery header it comes with', async () => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer));
    server = await listen(intake.app);
    const body = JSON.stringify({ jwt: await signer.sign(requestEnvelope()) });
    expect((await post(body, 'd-1')).json()).toEqual({ status: 'queued' });
    expect((await post(body, 'd-2')).json()).toEqual({ status: 'duplicate' });
    expect((await post(body)).json()).toEqual({ status: 'duplicate' });
    expect(await intake.jobCount()).toBe(1);
  });

  it('refuses a token without jti (401) and queues nothing', async () => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer));
    server = await listen(intake.app);
    const response = await post(JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: undefined }) }), 'no-jti');
    expect(response.status).toBe(401);
    expect(await intake.jobCount()).toBe(0);
  });

  it('with XURRENT_WEBHOOK_REQUIRE_EXP, refuses a token without exp and accepts one with it', async () => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer, { XURRENT_WEBHOOK_REQUIRE_EXP: 'true' }));
    server = await listen(intake.app);
    expect((await post(JSON.stringify({ jwt: await signer.sign(requestEnvelope()) }))).status).toBe(401);
    const exp = Math.floor(Date.now() / 1_000) + 600;
    expect((await post(JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { exp }) }))).status).toBe(202);
    expect(await intake.jobCount()).toBe(1);
  });

  it('keeps the delivery header as the identity of unsigned deliveries (outside production only)', async () => {
    intake = await startTestIntake({ XURRENT_ACCOUNT: 'acme', XURRENT_DOMAIN: 'xurrent.qa', XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false' });
    server = await listen(intake.app);
    expect((await post(JSON.stringify(requestEnvelope()), 'plain-1')).json()).toEqual({ status: 'queued' });
    expect((await post(JSON.stringify(requestEnvelope()), 'plain-1')).json()).toEqual({ status: 'duplicate' });
    expect((await intake.queues.events.getJobs()).map((job) => job.id)).toEqual(['delivery-plain-1']);
  });
});
