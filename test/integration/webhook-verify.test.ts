import { randomBytes } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobData } from '../../src/queue/jobs.js';
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
      called.push(String(input instanceof Request ? input.url : input));
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
    const worker = createWebhookVerifyWorker({
      connection,
      prefix: intake.prefix,
      callbackDomains: [DOMAIN],
      fetch,
      logger: intake.logs.logger,
    });
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

  // Issue 18 (10): Bull Board shows a finished job's data; the one-time code must be gone by then.
  it.each([
    ['verified', 200, 'completed'],
    ['refused for good', 404, 'failed'],
  ])('keeps no verify code in Redis once the job is %s', async (_name, status, state) => {
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer));
    server = await listen(intake.app);
    const code = `one-time-${randomBytes(12).toString('hex')}`;
    const envelope = verifyEnvelope();
    const payload = { callback: `${ISSUER}/webhooks/7/verify?code=${code}&expires_at=${Math.floor(Date.now() / 1_000) + 3_600}` };
    expect((await postRaw(server.url, JSON.stringify({ jwt: await signer.sign({ ...envelope, payload }) }))).status).toBe(200);
    const queue = intake.queues.webhookVerify;
    const [waiting] = await queue.getJobs();
    // While it waits, the worker needs the code.
    expect(JSON.stringify(waiting!.data)).toContain(code);

    const fetch = (async () => new Response(null, { status })) as typeof globalThis.fetch;
    const connection = createRedis(urlTarget(TEST_REDIS_URL), 'worker', 'test-verify-worker');
    const events = new QueueEvents(queue.name, { connection: { url: TEST_REDIS_URL }, prefix: intake.prefix });
    await events.waitUntilReady();
    const worker = createWebhookVerifyWorker({
      connection,
      prefix: intake.prefix,
      callbackDomains: [DOMAIN],
      fetch,
      logger: intake.logs.logger,
    });
    closers.push(async () => {
      await worker.close();
      await events.close();
      connection.disconnect();
    });
    await waiting!.waitUntilFinished(events, 10_000).catch(() => undefined);
    const finished = await queue.getJob(waiting!.id!);
    expect(await finished!.getState()).toBe(state);
    expect((finished!.data as JobData<'webhookVerify'>).callback).toBe(`${ISSUER}/webhooks/7/verify`);
    expect(await valuesUnder(intake.prefix)).not.toContain(code);
  });
});

/** Every key and value under the prefix, as text. */
async function valuesUnder(prefix: string): Promise<string> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const parts: string[] = [];
    const keys: string[] = [];
    for await (const page of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(page as string[]));
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? await redis.hgetall(key)
            : type === 'list'
              ? await redis.lrange(key, 0, -1)
              : type === 'zset'
                ? await redis.zrange(key, '0', '-1')
                : type === 'stream'
                  ? await redis.xrange(key, '-', '+')
                  : type === 'set'
                    ? await redis.smembers(key)
                    : null;
      parts.push(key, JSON.stringify(value));
    }
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}
