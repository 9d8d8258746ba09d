import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { QueueEvents } from 'bullmq';
import { exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { createRedis } from '../../src/redis/connection.js';
import { urlTarget } from '../../src/redis/redis-target.js';
import { createWebhookVerifyWorker } from '../../workers/webhook-verify.js';
import { HOSTILE_CASES, JSON_TYPE } from '../helpers/hostile-cases.js';
import { signedBody, type HostileKit } from '../helpers/hostile-tokens.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';
import { createTestSigner, DOMAIN, ISSUER, requestEnvelope, signedEnv } from '../helpers/signing.js';

/** What a credential looks like in any log, whoever made it: JWTs, PEM/DER keys, bearer values, the simulator's tokens. */
const SECRET_SHAPES: readonly RegExp[] = [
  /eyJ[A-Za-z0-9_-]{8,}/,
  /-----BEGIN/,
  /MII[A-Za-z0-9+/]{40}/,
  /\b(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{6,}/i,
  /sim-(pat|oauth|secret|client)-[A-Za-z0-9_-]{8,}/,
];

/** Every JWS segment of 16+ characters inside a body: the exact strings that must never reach a log. */
const tokenSegments = (text: string): string[] =>
  [...text.matchAll(/[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g)]
    .flatMap((m) => m[0].split('.'))
    .filter((s) => s.length >= 16 && !/^(.)\1*$/.test(s));

const leaksIn = (logs: string, secrets: Iterable<string>) => [...new Set(secrets)].filter((secret) => logs.includes(secret));
const shapesIn = (logs: string) => SECRET_SHAPES.filter((shape) => shape.test(logs)).map(String);

let kit: HostileKit;
let intake: TestIntake;
let server: Listening;
beforeAll(async () => {
  const [signer, stranger, ecSigner] = await Promise.all([createTestSigner('RS256'), createTestSigner('RS256'), createTestSigner('ES256')]);
  kit = { signer, stranger, ecSigner, maxBytes: 65_536 };
  intake = await startTestIntake(signedEnv(signer, { WEBHOOK_MAX_BYTES: '65536' }), { logLevel: 'debug' });
  server = await listen(intake.app);
});
afterAll(async () => {
  await server.close();
  await intake.close();
});

describe('logs hold no token, secret, key or Authorization value', () => {
  it('across the hostile suite, a valid delivery and a verification handshake (debug level)', async () => {
    const secrets: string[] = [];
    for (const signer of [kit.signer, kit.stranger, kit.ecSigner]) {
      secrets.push(signer.publicKeyPem.split('\n')[1] ?? '', String((await exportJWK(signer.privateKey)).d));
    }
    for (const hostile of HOSTILE_CASES) {
      const body = typeof hostile.body === 'function' ? await hostile.body(kit) : hostile.body;
      const authorization = `Bearer hostile-${randomBytes(12).toString('hex')}`;
      secrets.push(authorization.slice('Bearer '.length), ...tokenSegments(Buffer.from(body).toString('latin1')));
      await postRaw(server.url, body, { ...(hostile.headers ?? JSON_TYPE), authorization });
    }
    const valid = await kit.signer.sign(requestEnvelope());
    secrets.push(...tokenSegments(valid));
    expect((await postRaw(server.url, signedBody(valid), { ...JSON_TYPE, 'x-xurrent-delivery': 'log-scan-valid' })).status).toBe(202);

    // The handshake: the one-time code travels in the callback URL and must stay out of the logs.
    const code = `code-${randomBytes(16).toString('hex')}`;
    const verify = await kit.signer.sign({
      ...requestEnvelope({ event: 'webhook.verify', object_nodeID: undefined }),
      payload: { callback: `${ISSUER}/webhooks/7/verify?code=${code}` },
    });
    secrets.push(code, ...tokenSegments(verify));
    expect((await postRaw(server.url, signedBody(verify), JSON_TYPE)).status).toBe(200);
    const called: string[] = [];
    const fetch = (async (input: string | URL | Request) => (
      called.push(String(input instanceof Request ? input.url : input)),
      new Response(null, { status: 200 })
    )) as typeof globalThis.fetch;
    const connection = createRedis(urlTarget(TEST_REDIS_URL), 'worker', 'test-log-scan');
    const events = new QueueEvents(intake.queues.webhookVerify.name, { connection: { url: TEST_REDIS_URL }, prefix: intake.prefix });
    await events.waitUntilReady();
    const worker = createWebhookVerifyWorker({
      connection,
      prefix: intake.prefix,
      callbackDomains: [DOMAIN],
      fetch,
      logger: intake.logs.logger,
    });
    try {
      const [job] = await intake.queues.webhookVerify.getJobs();
      await job!.waitUntilFinished(events, 10_000);
    } finally {
      await worker.close();
      await events.close();
      connection.disconnect();
    }
    expect(called).toEqual([`${ISSUER}/webhooks/7/verify?code=${code}`]);

    const logs = intake.logs.text();
    expect(intake.logs.lines().length).toBeGreaterThan(60);
    expect(logs).toContain('webhook verified');
    expect(secrets.length).toBeGreaterThan(200);
    expect(leaksIn(logs, secrets)).toEqual([]);
    expect(shapesIn(logs)).toEqual([]);
  });

  it('across an end-to-end scenario run: simulator, signed webhooks, workers, GraphQL with a bearer token (debug level)', async () => {
    const capture = createLogCapture('debug');
    const scenario = JSON.parse(
      readFileSync(new URL('../scenarios/problem-solved-notes-incident.json', import.meta.url), 'utf8'),
    ) as unknown;
    const report = await runScenario(scenario, { redisUrl: TEST_REDIS_URL, logger: capture.logger });
    expect(report.xurrentCalls).toBeGreaterThan(5);
    const logs = capture.text();
    expect(capture.lines().length).toBeGreaterThan(20);
    expect(shapesIn(logs)).toEqual([]);
    expect(logs).not.toMatch(/authorization"\s*:\s*"(?!\[REDACTED\])/i);
  });
});
