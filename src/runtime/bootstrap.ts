import { loadConfig, readEnvWithDotenv, type Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';

/**
 * Reads `.env` (if any) and the environment, and parses them once. A bad configuration ends the
 * process with exit code 1 and a list of every bad variable, before any port or Redis is opened.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): { config: Readonly<Config>; logger: Logger } {
  let config: Readonly<Config>;
  try {
    config = loadConfig(readEnvWithDotenv(env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.log.level });
  return { config, logger };
}

/** Says once, clearly, that Xurrent is not configured outside production. */
export function warnIfXurrentMissing(config: Config, logger: Logger): void {
  if (config.xurrent) return;
  logger.warn(
    'Xurrent is not configured (XURRENT_ACCOUNT with XURRENT_TOKEN or XURRENT_CLIENT_ID + XURRENT_CLIENT_SECRET): ' +
      'webhooks are accepted and queued, but no worker processes them until it is.',
    { component: 'main' },
  );
}
