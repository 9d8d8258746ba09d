import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { runShutdown } from '../../../src/runtime/shutdown.js';
import { startService } from '../../../src/runtime/service.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
});

/** The web role's `listening` line, with or without admin credentials. */
async function listeningLine(env: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const prefix = uniquePrefix('start-log');
  prefixes.push(prefix);
  const capture = createLogCapture('info');
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    XURRENT_SIMULATOR: 'off',
    ...env,
  });
  const service = await startService({ config, logger: capture.logger, roles: { web: true, worker: false } });
  await runShutdown(service.shutdownSteps(), 10_000, capture.logger);
  return capture.lines().find((line) => line['message'] === 'listening');
}

describe('the start log', () => {
  it('names the dashboard and Bull Board URLs when the admin pages are on', async () => {
    const line = await listeningLine({ ADMIN_USER: 'ops', ADMIN_PASSWORD: 'a-long-enough-password' });
    const url = String(line?.['url']);
    expect(line?.['dashboard']).toBe(`${url}/dashboard`);
    expect(line?.['queues']).toBe(`${url}/admin/queues`);
  });

  it('names no admin URL when the admin pages are off', async () => {
    const line = await listeningLine({});
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('dashboard');
    expect(line).not.toHaveProperty('queues');
  });
});
