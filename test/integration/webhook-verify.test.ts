import { QueueEvents } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/redis/connection.js';
import { urlTarget } from '../../src/redis/redis-target.js';
import { createWebhookVerifyWorker } from '../../workers/webhook-verify.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';
import { createTestSigner, DOMAIN, ISSUER, signedEnv, verifyEnvelope } from '../helpers/signing.js';

let intake: TestIntake | undefined;
let server: Listening | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.close();
  await intake?.close();
});

describe('webhook.verify end to end', () => {
  it('answers the delivery 200 at once, then the worker calls the callback', async () => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer));
    server = await listen(intake.app);
    const called: string[] = [];
    const fetch = (async (input: string | URL | Request) => {
      called.push(String(input));
      return new Response(null, { status: 200 });
    }) as typeof globalThis.fetch;

    const response = await postRaw(server.url, JSON.stringify({ jwt: await signer.sign(verifyEnvelope()) }));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'verification scheduled' });
    expect(called).toEqual([]);

    const connection = createRedis(urlTarget(TEST_REDIS_URL), 'worker', 'test-verify-worker');
    const events = new QueueEvents(intake.queues.webhookVerify.name, { connection: { url: TEST_REDIS_URL }, prefix: intake.prefix });
    // Subscribed before the worker starts, so the job cannot finish before we listen.
    await events.waitUntilReady();
    const worker = createWebhookVerifyWorker({ connection, prefix: intake.prefix, callbackDomains: [DOMAIN], fetch, logger: intake.logs.logger });
    closers.push(async () => {
      await worker.close();
      await events.close();
      connection.disconnect();
    });
    const [job] = await intake.queues.webhookVerify.getJobs();
    await job!.waitUntilFinished(events, 10_000);
    expect(called).toHaveLength(1);
    expect(called[0]).toMatch(new RegExp(`^${ISSUER}/webhooks/7/verify\\?code=`));
  });
});
