import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { createRedis } from '../redis/connection.js';
import { deletePrefixedKeys } from '../redis/delete-prefixed-keys.js';
import { resolveRedis } from '../redis/resolve-redis.js';
import type { RedisTarget } from '../redis/redis-target.js';

export interface ScratchRedis {
  url: string;
  /** A queue prefix no other run uses. */
  prefix: string;
  /** Deletes every key under the prefix, and stops the embedded Redis when one was started. */
  cleanUp(): Promise<void>;
}

/**
 * A Redis for one scenario run: the given URL, else the local one when it answers, else a private
 * embedded redis-server in a temporary directory. Keys live under a unique prefix so runs can
 * share a Redis, and are deleted at the end.
 */
export async function openScratchRedis(redisUrl: string | undefined, logger: Logger): Promise<ScratchRedis> {
  const resolved = await resolveRedis(
    { url: redisUrl, sentinel: undefined, embedded: 'auto', embeddedDir: join(tmpdir(), `xsw-scenario-${randomUUID().slice(0, 8)}`) },
    logger,
  );
  const prefix = `scenario-${randomUUID().slice(0, 8)}`;
  return {
    url: urlOf(resolved.target),
    prefix,
    async cleanUp() {
      const redis = createRedis(resolved.target, 'worker', 'xsw-scenario-cleanup');
      try {
        await deletePrefixedKeys(redis, prefix);
      } finally {
        redis.disconnect();
        await resolved.embedded?.stop();
      }
    },
  };
}

/** The scenario runner passes its Redis on as REDIS_URL: it resolves only ever to one URL (no Sentinels). */
function urlOf(target: RedisTarget): string {
  if (target.kind !== 'url') throw new Error('the scenario runner needs a single Redis URL');
  return target.url;
}
