import { defineEnvSection } from './section.js';
import { enumWithDefault, intWithDefault, optionalUrl, stringWithDefault } from './fields.js';

/**
 * Process, HTTP, Redis and queue settings. HOST and PORT take their place in the HTTP section's
 * configuration, REDIS_URL and the embedded Redis in the Redis section's.
 * In production the service must run on the Redis it is given (REDIS_URL, or the Sentinels of
 * REDIS_SENTINELS, whose own checks are in redis.ts): falling back to whatever answers on
 * 127.0.0.1:6379, or to an embedded redis-server on the local disk, would keep jobs and SLA clocks
 * where nobody backs them up or watches them, and a restarted container would lose them.
 */
export const coreEnvSection = defineEnvSection({
  shape: {
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
  },
  check: (env, raw) =>
    env.NODE_ENV === 'production' && !env.REDIS_URL && (raw['REDIS_SENTINELS'] ?? '').trim() === ''
      ? [
          {
            key: 'REDIS_URL',
            message: 'is required in production, or REDIS_SENTINELS (no fallback to 127.0.0.1:6379 or an embedded redis-server there)',
          },
        ]
      : [],
  config: (env) => ({
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL },
    queue: { prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY, lockMs: env.WORKER_LOCK_MS },
    shutdown: { timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
  }),
});
