import type { Redis } from 'ioredis';
import { loadConfig, readEnvWithDotenv } from '../config.js';
import { createRedis } from '../redis/connection.js';
import type { CliIo } from './command.js';

/** The running service's Redis and queue prefix, from the same configuration (REDIS_URL, QUEUE_PREFIX). */
export async function withServiceRedis<T>(io: CliIo, use: (redis: Redis, prefix: string, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig(readEnvWithDotenv(io.env));
  const redis = createRedis(config.redis.url ?? 'redis://127.0.0.1:6379', 'worker', 'xsw-cli');
  try {
    return await use(redis, config.queue.prefix, config);
  } finally {
    redis.disconnect();
  }
}
