import { loadConfigOrExit, warnContractSettings, warnIfXurrentMissing } from './bootstrap.js';
import { startService, type ServiceRoles } from './service.js';
import { usesEmbeddedSimulator } from './xurrent.js';
import type { StartEmbeddedXurrent } from './embedded-xurrent.js';
import { exitOnSignals } from './shutdown.js';
import { describeRedisTarget } from '../redis/redis-target.js';

export interface MainOptions {
  /**
   * Loads the embedded Xurrent, only when this start uses it (src/main-dev.ts: a dynamic import of the
   * simulator). Production entry points pass none, so they never load development code.
   */
  loadEmbeddedXurrent?: () => Promise<StartEmbeddedXurrent>;
}

/** Shared body of the entrypoints: configuration, service, signal handling. */
export async function runMain(roles: ServiceRoles, options: MainOptions = {}): Promise<void> {
  const { config, logger } = loadConfigOrExit();
  const embeddedXurrent =
    options.loadEmbeddedXurrent && usesEmbeddedSimulator(config, roles) ? await options.loadEmbeddedXurrent() : undefined;
  if (embeddedXurrent) {
    logger.info('starting against the embedded Xurrent simulator (demo account): no Xurrent credentials are set', {
      component: 'main',
      roles,
      env: config.env,
      xurrent: 'simulator',
    });
  } else {
    logger.info('starting', { component: 'main', roles, env: config.env });
    warnIfXurrentMissing(config, logger);
  }
  warnContractSettings(config, logger);
  const starting = startService({ config, logger, roles, ...(embeddedXurrent ? { embeddedXurrent } : {}) });
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
