import { urlTarget } from '../../../src/redis/redis-target.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { systemClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { createHttpApp } from '../../../src/http/app.js';
import { createWorkers, type Workers } from '../../../workers/index.js';
import { openQueues, type OpenQueues as Queues } from '../../../src/queue/jobs.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { createXurrentClient } from '../../../src/xurrent/client.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorConfig } from '../../helpers/simulator-client.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe('end to end: simulator → webhook → intake → worker → simulator', () => {
  it('puts an internal note on a request created in the simulator (signed webhook), with one query and one mutation', async () => {
    const prefix = uniquePrefix('e2e');
    const { logger, lines } = createLogCapture('info');
    const sim: Simulator = await startSimulator();
    cleanups.push(() => sim.close());

    const producer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const queues: Queues = openQueues(producer, prefix);
    cleanups.push(async () => {
      await queues.close();
      producer.disconnect();
      await deleteKeys(prefix);
    });
    const server: Server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    // Signed under a webhook policy, as Xurrent sends them; the receiver checks the policy's key and issuer.
    const { publicKeyPem } = await sim.webhooks.register({
      event: 'request.create',
      uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/xurrent`,
      policy: { jwtAlg: 'RS256' },
    });
    const config = loadConfig({
      XURRENT_ACCOUNT: sim.account,
      XURRENT_DOMAIN: 'xurrent.sim',
      XURRENT_WEBHOOK_PUBLIC_KEY: publicKeyPem ?? '',
      QUEUE_PREFIX: prefix,
    });
    server.on(
      'request',
      createHttpApp({ logger, receiver: { config: config.webhooks, queues, redis: producer, queuePrefix: prefix, readiness: [] } }),
    );

    const workerConfig = simulatorConfig(sim);
    const xurrent = createXurrentClient({ config: workerConfig, logger });
    const workers: Workers = createWorkers({
      config: { ...config, queue: { prefix, concurrency: 2, lockMs: 30_000 } },
      redis: urlTarget(TEST_REDIS_URL),
      xurrent,
      logger,
      clock: systemClock,
    });
    cleanups.push(() => workers.close(true));

    const customer = createXurrentClient({
      config: simulatorConfig(sim, { auth: { kind: 'token', token: sim.issueToken(sim.demo.customerId) } }),
      logger,
    });
    const { requestCreate } = await customer.request(
      REQUEST_CREATE,
      { input: { subject: 'Cannot send mail', serviceInstanceId: sim.demo.serviceInstanceIds.email } },
      RequestCreateResultSchema,
    );
    const requestId = requestCreate.request?.id ?? expect.unreachable('not created');

    const note = await until(() => {
      const ids = sim.store.requests.get(requestId)?.noteIds ?? [];
      return ids.map((id) => sim.store.notes.get(id)).find((n) => n?.internal);
    });
    expect(note?.text).toMatch(/^Support worker: incident registered under the support contract\.\nPriority: Low/);
    expect(sim.webhooks.deliveries).toEqual([expect.objectContaining({ event: 'request.create', status: 202 })]);

    const forRequest = sim.calls.filter(
      (c) => c.variables['id'] === requestId || (c.variables['input'] as { id?: string } | undefined)?.id === requestId,
    );
    expect(forRequest.map((c) => `${c.kind} ${c.operationName}`)).toEqual(['query RequestById', 'mutation RequestUpdate']);
    await until(() => lines().find((l) => l['message'] === 'request reconciled'));
    expect(lines().find((l) => l['message'] === 'request reconciled')).toMatchObject({ xurrentCalls: 2, priority: 'low' });
  });
});
