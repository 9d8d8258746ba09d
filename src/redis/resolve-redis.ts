import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './embedded.js';
import { pingRedis } from './probe.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface ResolvedRedis {
  url: string;
  embedded: EmbeddedRedis | undefined;
}

/**
 * REDIS_URL when set; otherwise the default local Redis when it answers; otherwise (unless
 * REDIS_EMBEDDED=never) a private embedded redis-server, so a fresh clone runs with `npm start`
 * alone. REDIS_EMBEDDED=always skips the local Redis, for an isolated run.
 */
export async function resolveRedis(config: Config['redis'], logger: Logger): Promise<ResolvedRedis> {
  if (config.url) return { url: config.url, embedded: undefined };
  if (config.embedded !== 'always' && (await pingRedis('127.0.0.1', 6379))) return { url: DEFAULT_REDIS_URL, embedded: undefined };
  if (config.embedded === 'never') {
    throw new Error('REDIS_URL is not set, nothing answers on 127.0.0.1:6379 and REDIS_EMBEDDED is never: set REDIS_URL or start Redis.');
  }
  const embedded = await startEmbeddedRedis({ dir: config.embeddedDir });
  logger.info('started embedded redis-server', { component: 'redis', url: embedded.url, dir: config.embeddedDir });
  return { url: embedded.url, embedded };
}
