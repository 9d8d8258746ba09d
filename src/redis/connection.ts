import { Redis, type RedisOptions } from 'ioredis';

/**
 * `worker`: blocking BullMQ connections that must wait out a Redis outage (no per-command retry cap).
 * `producer`: connections used inside HTTP handlers, which must fail fast so the receiver can
 * answer 503 and let Xurrent redeliver instead of holding the request open.
 */
export type RedisRole = 'worker' | 'producer';

export function redisOptionsFor(role: RedisRole): RedisOptions {
  return role === 'worker'
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
}

export function createRedis(url: string, role: RedisRole, name: string): Redis {
  return new Redis(url, { ...redisOptionsFor(role), connectionName: name });
}
