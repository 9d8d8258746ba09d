import { loadConfigOrExit, warnContractSettings, warnIfXurrentMissing } from './bootstrap.js';
import { startService, type ServiceRoles } from './service.js';
import { usesEmbeddedSimulator } from './xurrent.js';
import { exitOnSignals } from './shutdown.js';
import { describeRedisTarget } from '../redis/redis-target.js';

/** Shared body of the entrypoints: configuration, service, signal handling. */
export async function runMain(roles: ServiceRoles): Promise<void> {
  const { config, logger } = loadConfigOrExit();
  if (usesEmbeddedSimulator(config, roles)) {
    logger.info('starting against the embedded Xurrent simulator (demo account): no Xurrent credentials are set', { component: 'main', roles, env: config.env, xurrent: 'simulator' });
  } else {
    logger.info('starting', { component: 'main', roles, env: config.env });
    warnIfXurrentMissing(config, logger);
  }
  warnContractSettings(config, logger);
  const starting = startService({ config, logger, roles });
  // Handle signals from the first moment: a SIGTERM during start-up waits for it, then stops cleanly.
  exitOnSignals(async () => (await starting.catch(() => undefined))?.shutdownSteps() ?? [], config.shutdown.timeoutMs, logger);
  try {
    const service = await starting;
    // Addresses only: REDIS_URL may carry a password (`redis://:secret@host`, `?password=`), and so may the Sentinel settings.
    logger.info('ready', { component: 'main', redis: describeRedisTarget(service.redis), http: service.httpUrl });
  } catch (error) {
    logger.error('could not start', { component: 'main', error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
