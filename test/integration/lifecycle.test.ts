import { openQueues } from '../../src/queue/jobs.js';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded.js';
import { startService, type RunningService } from '../../src/runtime/service.js';
import { runShutdown } from '../../src/runtime/shutdown.js';
import { QUEUE_NAMES } from '../../src/queue/names.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { ACCOUNT, createTestSigner, signedEnv, type TestSigner } from '../helpers/signing.js';
import { waitFor } from '../helpers/wait-for.js';

const XURRENT = 'https://graphql.xurrent.test';
const NODE_ID = 'NG1lLXN0YWdpbmcuY29tL1JlcXVlc3QvODE';

let signer: TestSigner;

async function envelope(deliveryId: string) {
  const jwt = await signer.sign({
    webhook_id: 1,
    account_id: ACCOUNT,
    event: 'request.update',
    object_id: 81,
    object_nodeID: NODE_ID,
    payload: {},
  });
  return {
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Xurrent-Delivery': deliveryId },
      body: JSON.stringify({ jwt }),
    },
  };
}

function configFor(redisUrl: string, prefix: string) {
  return loadConfig({
    ...signedEnv(signer),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    XURRENT_TOKEN: 'pat-lifecycle',
    XURRENT_GRAPHQL_URL: XURRENT,
  });
}

describe('service lifecycle', () => {
  const capture = createLogCapture();
  let service: RunningService | undefined;
  let prefix: string;

  beforeEach(async () => {
    signer ??= await createTestSigner();
    prefix = uniquePrefix('lifecycle');
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
  });

  afterEach(async () => {
    if (service) await runShutdown(service.shutdownSteps(), 3_000, capture.logger);
    service = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
    await deleteKeys(prefix);
  });

  it('lets an in-flight job finish on shutdown, then stops cleanly', async () => {
    let mutations = 0;
    nock(XURRENT)
      .post('/', (b: { query: string }) => b.query.includes('RequestById'))
      .delay(600)
      .reply(200, { data: { node: { id: NODE_ID, requestId: '81', category: 'incident', impact: 'medium', status: 'assigned' } } })
      .post('/', (b: { query: string }) => b.query.includes('RequestUpdate'))
      .reply(200, () => {
        mutations += 1;
        return { data: { requestUpdate: { errors: [], request: { id: NODE_ID } } } };
      });
    service = await startService({ config: configFor(TEST_REDIS_URL, prefix), logger: capture.logger, roles: { web: true, worker: true } });
    const { init } = await envelope('lifecycle-1');
    expect((await fetch(`${service.httpUrl}/webhooks/xurrent`, init)).status).toBe(202);

    const queue = openQueues({ url: TEST_REDIS_URL } as never, prefix).named(QUEUE_NAMES.requests);
    try {
      await waitFor(async () => (await queue.getActiveCount()) === 1, 'the job to be active');
      const clean = await runShutdown(service.shutdownSteps(), 5_000, capture.logger);
      service = undefined;
      expect(clean).toBe(true);
      expect(mutations).toBe(1);
      expect(await queue.getCompletedCount()).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('reports not ready and answers 503 to webhooks while Redis is down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xsw-ready-'));
    let redis: EmbeddedRedis | undefined = await startEmbeddedRedis({ dir });
    try {
      service = await startService({ config: configFor(redis.url, prefix), logger: capture.logger, roles: { web: true, worker: false } });
      const ready = await fetch(`${service.httpUrl}/readyz`);
      expect(ready.status).toBe(200);

      await redis.stop();
      await waitFor(async () => (await fetch(`${service?.httpUrl}/readyz`)).status === 503, 'readyz to fail');
      const body = (await (await fetch(`${service.httpUrl}/readyz`)).json()) as { reasons: Record<string, string> };
      expect(Object.keys(body.reasons)).toEqual(['redis']);
      const { init } = await envelope('while-down');
      expect((await fetch(`${service.httpUrl}/webhooks/xurrent`, init)).status).toBe(503);
      expect((await fetch(`${service.httpUrl}/healthz`)).status).toBe(200);
    } finally {
      if (service) await runShutdown(service.shutdownSteps(), 2_000, capture.logger);
      service = undefined;
      await redis?.stop();
      redis = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
