import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv, type TestSigner } from '../helpers/signing.js';
import { waitFor } from '../helpers/wait-for.js';

// The dedup marker is confirmed after the answer (src/queue/producer.ts): a failed confirm must be
// logged with the delivery's job id and change nothing for the sender or the queue.
let signer: TestSigner;
let intake: TestIntake;
let server: Listening;
beforeAll(async () => {
  signer = await createTestSigner();
  intake = await startTestIntake(signedEnv(signer));
  server = await listen(intake.app);
});
afterAll(async () => {
  await server.close();
  await intake.close();
});

describe('background confirm of the dedup marker', () => {
  it('logs a failed confirm, answers 202 once and 200 duplicate to the redelivery, and queues one job', async () => {
    // The confirm script registered on the producer connection fails as a dropped connection would.
    const redis = intake.redis as unknown as { xswConfirmDeliveries: () => Promise<unknown> };
    redis.xswConfirmDeliveries = () => Promise.reject(new Error('Connection is closed.'));
    const body = JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: 'confirm-fails-1' }) });
    const headers = { 'content-type': 'application/json', 'x-xurrent-delivery': 'confirm-fails-1' };
    expect((await postRaw(server.url, body, headers)).status).toBe(202);
    const line = await waitFor(
      () => intake.logs.lines().find((l) => l['message'] === 'dedup marker left pending'),
      'confirm failure logged',
    );
    expect(line).toMatchObject({
      level: 'warn',
      component: 'webhook',
      jobId: 'delivery-jti-confirm-fails-1',
      error: 'Connection is closed.',
    });
    const again = await postRaw(server.url, body, headers);
    expect([again.status, again.json()]).toEqual([200, { status: 'duplicate' }]);
    expect(await intake.jobCount()).toBe(1);
  });
});
