import { defineEnvSection } from './section.js';
import { enumWithDefault, intWithDefault, optionalUrl, stringWithDefault } from './fields.js';

/** Process, HTTP, Redis and queue settings. */
export const coreEnvShape = {
  NODE_ENV: enumWithDefault(['development', 'test', 'production'], 'development'),
  LOG_LEVEL: enumWithDefault(['error', 'warn', 'info', 'debug'], 'info'),
  HOST: stringWithDefault('0.0.0.0'),
  PORT: intWithDefault(3000, { min: 0, max: 65535 }),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  REDIS_EMBEDDED: enumWithDefault(['auto', 'always', 'never'], 'auto'),
  REDIS_EMBEDDED_DIR: stringWithDefault('./var/redis'),
  QUEUE_PREFIX: stringWithDefault('xsw'),
  WORKER_CONCURRENCY: intWithDefault(5, { min: 1, max: 200 }),
  WORKER_LOCK_MS: intWithDefault(30_000, { min: 1_000, max: 600_000 }),
  SHUTDOWN_TIMEOUT_MS: intWithDefault(25_000, { min: 1_000, max: 600_000 }),
};

export const coreEnvSection = defineEnvSection({ shape: coreEnvShape });
