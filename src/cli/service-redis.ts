import type { Redis } from 'ioredis';
import { loadConfig, readEnvWithDotenv } from '../config.js';
import { createRedis } from '../redis/connection.js';
import { cliRedisTarget } from '../redis/resolve-redis.js';
import type { CliIo } from './command.js';

/** The running service's Redis and queue prefix, from the same configuration (REDIS_SENTINELS or REDIS_URL, QUEUE_PREFIX). */
export async function withServiceRedis<T>(
  io: CliIo,
  use: (redis: Redis, prefix: string, config: ReturnType<typeof loadConfig>) => Promise<T>,
): Promise<T> {
  const config = loadConfig(readEnvWithDotenv(io.env));
  const redis = createRedis(cliRedisTarget(config.redis), 'worker', 'xsw-cli');
  try {
    return await use(redis, config.queue.prefix, config);
  } finally {
    redis.disconnect();
  }
}
