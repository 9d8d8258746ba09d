import { Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redis-target.js';
import { followSwitches } from './sentinel-switch.js';

/**
 * `worker`: blocking BullMQ connections that must wait out a Redis outage (no per-command retry cap).
 * `producer`: connections used inside HTTP handlers, which must fail fast so the receiver can
 * answer 503 and let Xurrent redeliver instead of holding the request open.
 * `cli`: one-shot commands; connect on first use and fail fast when Redis is away.
 */
export type RedisRole = 'worker' | 'producer' | 'cli';

export function redisOptionsFor(role: RedisRole): RedisOptions {
  if (role === 'worker') return { maxRetriesPerRequest: null, enableReadyCheck: true };
  if (role === 'cli') return { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true };
  return { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
}

/**
 * Options that make a connection follow the Sentinels' primary: ioredis asks the Sentinels for it on
 * every (re)connect and its ready check refuses a node that is not the primary. A primary that dies
 * closes the socket; one that Sentinel demotes is told to kill its clients (Sentinel sends CLIENT KILL
 * with the REPLICAOF), and a write that still meets a replica gets READONLY, which reconnects here and
 * resends the command. A primary demoted while it stays up is left at once on +switch-master
 * (sentinel-switch.ts). ioredis's own `failoverDetector` stays off: its subscription outlives the socket
 * it watched, and a +switch-master that arrives while the client is resolving the new primary ends the
 * client for good ("Connection is closed", seen in test/faults/sentinel-failover.test.ts).
 */
function targetOptions(target: RedisTarget): RedisOptions {
  if (target.kind === 'url') return {};
  return {
    sentinels: target.sentinels.map((s) => ({ host: s.host, port: s.port })),
    name: target.name,
    role: 'master',
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
    // Until the Sentinels promote a replica they name the dead primary, so attempts fail fast; ioredis's
    // default backoff (up to 2 s) would then add seconds after the promotion. Every 0.5 s at most.
    retryStrategy: (attempt) => Math.min(attempt * 50, 500),
    ...(target.password ? { password: target.password } : {}),
    ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
  };
}

/**
 * The one place that opens a Redis connection for the service (web, workers, limiter, locks, CLI,
 * heartbeats, metrics). `extra` may tune timeouts, never the target. BullMQ's `duplicate()` of the
 * result keeps these options, so its blocking connections follow a failover too.
 */
export function createRedis(target: RedisTarget, role: RedisRole, name: string, extra: RedisOptions = {}): Redis {
  // Without replyMapping (never set here): ioredis types it `| undefined` in RedisOptions but its
  // constructors take it without undefined, which exactOptionalPropertyTypes refuses.
  const options: Omit<RedisOptions, 'replyMapping'> = {
    ...redisOptionsFor(role),
    ...extra,
    ...targetOptions(target),
    connectionName: name,
  };
  if (target.kind === 'url') return new Redis(target.url, options);
  return watched(new Redis(options), target);
}

/** The client, and every duplicate made of it (BullMQ's blocking connections), follow +switch-master. */
function watched(client: Redis, target: Extract<RedisTarget, { kind: 'sentinel' }>): Redis {
  followSwitches(client, target);
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override?: Partial<RedisOptions>) => watched(duplicate(override), target);
  return client;
}
