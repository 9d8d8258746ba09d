import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './embedded.js';
import { pingRedis } from './probe.js';
import { urlTarget, type RedisTarget } from './redis-target.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface ResolvedRedis {
  target: RedisTarget;
  embedded: EmbeddedRedis | undefined;
}

/** The configured target (Sentinels, or REDIS_URL), if any; no fallback. */
export function configuredRedisTarget(config: Pick<Config['redis'], 'url' | 'sentinel'>): RedisTarget | undefined {
  return config.sentinel ?? (config.url ? urlTarget(config.url) : undefined);
}

/** For one-shot commands (CLI): the configured target, else the local default (never an embedded one: it would be empty). */
export function cliRedisTarget(config: Pick<Config['redis'], 'url' | 'sentinel'>): RedisTarget {
  return configuredRedisTarget(config) ?? urlTarget(DEFAULT_REDIS_URL);
}

/**
 * REDIS_SENTINELS or REDIS_URL when set; otherwise the default local Redis when it answers; otherwise
 * (unless REDIS_EMBEDDED=never) a private embedded redis-server, so a fresh clone runs with `npm start`
 * alone. REDIS_EMBEDDED=always skips the local Redis, for an isolated run.
 */
export async function resolveRedis(
  config: Pick<Config['redis'], 'url' | 'sentinel' | 'embedded' | 'embeddedDir'>,
  logger: Logger,
): Promise<ResolvedRedis> {
  const configured = configuredRedisTarget(config);
  if (configured) return { target: configured, embedded: undefined };
  if (config.embedded !== 'always' && (await pingRedis('127.0.0.1', 6379)))
    return { target: urlTarget(DEFAULT_REDIS_URL), embedded: undefined };
  if (config.embedded === 'never') {
    throw new Error('REDIS_URL is not set, nothing answers on 127.0.0.1:6379 and REDIS_EMBEDDED is never: set REDIS_URL or start Redis.');
  }
  const embedded = await startEmbeddedRedis({ dir: config.embeddedDir });
  logger.info('started embedded redis-server', { component: 'redis', url: embedded.url, dir: config.embeddedDir });
  return { target: urlTarget(embedded.url), embedded };
}
