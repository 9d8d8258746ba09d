import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { loadConfig } from '../../../src/config.js';
import { startService, type RunningService } from '../../../src/runtime/service.js';
import { runShutdown } from '../../../src/runtime/shutdown.js';
import { startEmbeddedSimulator } from '../../../src/demo/embedded-simulator.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let running: { service: RunningService; prefix: string } | undefined;
afterEach(async () => {
  if (!running) return;
  await runShutdown(running.service.shutdownSteps(), 10_000, createLogCapture().logger);
  await deleteKeys(running.prefix);
  running = undefined;
});

describe('embedded Xurrent simulator (no credentials, not production)', () => {
  it('runs the whole loop inside the service: a new request gets its notes', async () => {
    const prefix = uniquePrefix('embedded');
    const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', PORT: '0' });
    const service = await startService({
      config,
      logger: createLogCapture().logger,
      roles: { web: true, worker: true },
      embeddedXurrent: startEmbeddedSimulator,
    });
    running = { service, prefix };
    const sim = service.embeddedXurrent?.simulator ?? expect.unreachable('no embedded simulator');
    expect(service.workers?.isRunning()).toBe(true);

    const customer = simulatorClient(sim, createLogCapture().logger, {
      config: { auth: { kind: 'token', token: sim.issueToken(sim.demo.customerId) } },
    });
    const { requestCreate } = await customer.request(REQUEST_CREATE, { input: { subject: 'Embedded' } }, RequestCreateResultSchema);
    const id = requestCreate.request?.id ?? '';
    const deadline = Date.now() + 10_000;
    while ((sim.store.requests.get(id)?.noteIds.length ?? 0) === 0 && Date.now() < deadline) await sleep(25);
    // A subject alone is an incomplete incident under the default COMPLETENESS_RULES: one update
    // writes the internal note and the note asking the requester for what is missing.
    const notes = (sim.store.requests.get(id)?.noteIds ?? []).map((noteId) => sim.store.notes.get(noteId));
    expect(notes.map((note) => note?.internal)).toEqual([false, true]);
  });

  it('in break-fix request mode serves the support account too, and forwards an incident on the Xurrent service there', async () => {
    const prefix = uniquePrefix('embedded-request-mode');
    // The demo account's Xurrent service instance: deterministic, the second service instance seeded.
    const xurrentInstance = Buffer.from('demo.xurrent.sim/SerI/2').toString('base64url');
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
      XURRENT_SERVICE_INSTANCE_IDS: xurrentInstance,
      XURRENT_ESCALATION_MODE: 'request',
      XURRENT_ESCALATION_TRIGGER: 'automatic',
      XURRENT_SUPPORT_ACCOUNT: 'xurrent-support',
      COMPLETENESS_RULES: 'none',
    };
    const service = await startService({
      config: loadConfig(env),
      logger: createLogCapture().logger,
      roles: { web: true, worker: true },
      embeddedXurrent: startEmbeddedSimulator,
    });
    running = { service, prefix };
    const sim = service.embeddedXurrent?.simulator ?? expect.unreachable('no embedded simulator');
    expect(sim.demo.serviceInstanceIds.xurrent).toBe(xurrentInstance);
    const support = sim.accounts.get('xurrent-support') ?? expect.unreachable('no support account');

    const customer = simulatorClient(sim, createLogCapture().logger, {
      config: { auth: { kind: 'token', token: sim.issueToken(sim.demo.customerId) } },
    });
    const { requestCreate } = await customer.request(
      REQUEST_CREATE,
      { input: { subject: 'Xurrent is slow', impact: 'high', serviceInstanceId: xurrentInstance } },
      RequestCreateResultSchema,
    );
    const id = requestCreate.request?.id ?? '';
    const deadline = Date.now() + 10_000;
    while (!sim.store.requests.get(id)?.supplierRequestID && Date.now() < deadline) await sleep(25);
    const linkedId = sim.store.requests.get(id)?.supplierRequestID ?? expect.unreachable('not forwarded');
    expect(support.store.requests.get(linkedId)).toMatchObject({
      subject: expect.stringContaining('Xurrent is slow [demo #'),
      impact: 'high',
    });
    expect(sim.store.requests.get(id)?.status).toBe('waiting_for');
  });

  it('is not used when XURRENT_SIMULATOR=off', async () => {
    const prefix = uniquePrefix('embedded-off');
    const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', PORT: '0', XURRENT_SIMULATOR: 'off' });
    const service = await startService({
      config,
      logger: createLogCapture().logger,
      roles: { web: true, worker: true },
      embeddedXurrent: startEmbeddedSimulator,
    });
    running = { service, prefix };
    expect(service.embeddedXurrent).toBeUndefined();
    expect(service.workers).toBeUndefined();
  });

  it('is not started by production code: without a development entry point the service runs without Xurrent', async () => {
    const prefix = uniquePrefix('embedded-none');
    const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', PORT: '0' });
    const service = await startService({ config, logger: createLogCapture().logger, roles: { web: true, worker: true } });
    running = { service, prefix };
    expect(service.embeddedXurrent).toBeUndefined();
    expect(service.workers).toBeUndefined();
  });

  it('says so in the first log line of npm start (src/main-dev.ts)', async () => {
    const prefix = uniquePrefix('embedded-start');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'development',
    };
    // Empty wins over a developer's .env and means "unset".
    for (const key of ['XURRENT_TOKEN', 'XURRENT_CLIENT_ID', 'XURRENT_CLIENT_SECRET', 'XURRENT_ACCOUNT', 'XURRENT_SIMULATOR'])
      env[key] = '';
    const child = spawn(fileURLToPath(new URL('node_modules/.bin/tsx', `file://${ROOT}`)), ['src/main-dev.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      expect(JSON.parse(first)).toMatchObject({
        level: 'info',
        xurrent: 'simulator',
        message: expect.stringContaining('embedded Xurrent simulator'),
      });
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      await deleteKeys(prefix);
    }
  });
});
