import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/probe.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, waitForReady, type TestIntake } from '../helpers/intake.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';

const dir = mkdtempSync(join(tmpdir(), 'xsw-outage-'));
let redis: RedisServer | undefined;
let intake: TestIntake | undefined;
let server: Listening | undefined;

afterAll(async () => {
  await server?.close();
  await intake?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis stopped mid-test', () => {
  it('answers 503 while Redis is down, and every delivery that got 202 is queued after it returns', async () => {
    const port = await findFreePort();
    redis = await startRedisServer(port, dir);
    const signer = await createTestSigner();
    intake = await startTestIntake(signedEnv(signer), { redisUrl: redis.url });
    server = await listen(intake.app);
    const accepted: string[] = [];
    const deliver = async (id: string) => {
      // The job id is the signed jti (webhooks/delivery-id.ts); a retry resends the same token.
      const response = await postRaw(server!.url, JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: id }) }), {
        'content-type': 'application/json',
        'x-xurrent-delivery': id,
      });
      if (response.status === 202) accepted.push(id);
      return response.status;
    };

    for (let i = 0; i < 5; i += 1) expect(await deliver(`before-${i}`)).toBe(202);

    await redis.stop();
    await sleep(100);
    const during = [];
    for (let i = 0; i < 5; i += 1) during.push(await deliver(`during-${i}`));
    expect(during).toEqual([503, 503, 503, 503, 503]);

    redis = await startRedisServer(port, dir);
    await waitForReady(intake.redis);
    for (let i = 0; i < 5; i += 1) expect(await deliver(`during-${i}`)).toBe(202);
    for (let i = 0; i < 3; i += 1) expect(await deliver(`after-${i}`)).toBe(202);

    expect(accepted).toHaveLength(13);
    const jobs = await intake.queues.events.getJobs();
    expect(jobs.map((job) => job.id).sort()).toEqual(accepted.map((id) => `delivery-jti-${id}`).sort());
    expect(intake.metrics.snapshot().outcomes).toMatchObject({ queued: 13, unavailable: 5 });
  });
});
