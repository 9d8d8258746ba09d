import { loadConfig } from '../../src/config.js';
import { runShutdown } from '../../src/runtime/shutdown.js';
import { startService, type RunningService } from '../../src/runtime/service.js';
import { createLogCapture } from './log-capture.js';
import { TEST_REDIS_URL } from './redis.js';

export const ADMIN_TOKEN = 'ops-test-admin-token-0123456789';

/** The web role alone on a unique prefix (no Xurrent, no workers), with an admin token; for admin routes. */
export async function startWebOnly(
  prefix: string,
  env: Record<string, string> = {},
): Promise<{ service: RunningService; url: string; auth: { Authorization: string }; stop(): Promise<void> }> {
  const { logger } = createLogCapture('warn');
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_TOKEN,
    XURRENT_SIMULATOR: 'off',
    ...env,
  });
  const service = await startService({ config, logger, roles: { web: true, worker: false } });
  return {
    service,
    url: service.httpUrl as string,
    auth: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    stop: async () => void (await runShutdown(service.shutdownSteps(), 10_000, logger)),
  };
}
