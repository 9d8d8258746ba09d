import { loadConfig, readEnvWithDotenv, type Config } from '../../config.js';
import { openQueues, type OpenQueues as QueueViews } from '../../queue/jobs.js';
import { createRedis } from '../../redis/connection.js';
import { cliRedisTarget, DEFAULT_REDIS_URL } from '../../redis/resolve-redis.js';
import type { CliIo } from '../command.js';
import { UsageError } from '../command.js';

/**
 * Runs `use` with the service's queues on the configured Redis (`REDIS_URL`, else the local
 * default; never an embedded one: its queues would be empty) and `QUEUE_PREFIX`, then closes them.
 */
export async function withQueues<T>(io: CliIo, use: (queues: QueueViews, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfig(readEnvWithDotenv(io.env));
  const redis = createRedis(cliRedisTarget(config.redis), 'cli', 'xsw-cli');
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach Redis at ${config.redis.sentinel ? 'REDIS_SENTINELS' : config.redis.url ? 'REDIS_URL' : DEFAULT_REDIS_URL}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const queues = openQueues(redis, config.queue.prefix);
  try {
    return await use(queues, config);
  } finally {
    await queues.close();
    redis.disconnect();
  }
}

/** The queue named by `--queue`, or every queue; an unknown name is a usage error listing the names. */
export function selectQueues(queues: QueueViews, name: string | undefined) {
  if (name === undefined) return queues.all;
  const queue = queues.byName(name);
  if (!queue) throw new UsageError(`--queue must be one of ${queues.all.map((q) => q.name).join(', ')}`);
  return [queue];
}
