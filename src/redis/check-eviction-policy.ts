import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** A Redis that may evict keys, refused at start in production. */
export class EvictionPolicyError extends Error {
  override readonly name = 'EvictionPolicyError';
}

export interface EvictionCheckOptions {
  /** NODE_ENV=production: a policy other than noeviction stops the start instead of a warning. */
  refuse?: boolean;
}

/**
 * BullMQ loses jobs and locks if Redis may evict keys; only `noeviction` is safe. In production a
 * readable policy other than noeviction throws (the start stops); elsewhere it is a warning. The
 * policy is read with CONFIG GET, else from INFO memory (managed services often forbid CONFIG but
 * allow INFO); when neither answers, it is a warning everywhere: the service cannot tell.
 */
export async function checkEvictionPolicy(
  redis: Redis,
  logger: Logger,
  { refuse = false }: EvictionCheckOptions = {},
): Promise<string | undefined> {
  const policy = await readEvictionPolicy(redis);
  if (policy === undefined) {
    logger.warn('could not read Redis maxmemory-policy (CONFIG and INFO refused); make sure it is noeviction', { component: 'redis' });
    return undefined;
  }
  if (policy !== 'noeviction') {
    if (refuse) {
      throw new EvictionPolicyError(
        `Redis maxmemory-policy is ${policy}, not noeviction: under memory pressure Redis would delete queued jobs, SLA timers and locks. ` +
          "Set maxmemory-policy noeviction on the Redis server (redis.conf, CONFIG SET, or the managed service's parameter group), then start again.",
      );
    }
    logger.warn(
      'Redis maxmemory-policy is not noeviction: queued jobs may be evicted under memory pressure (a start-up error in production)',
      {
        component: 'redis',
        policy,
      },
    );
  }
  return policy;
}

async function readEvictionPolicy(redis: Redis): Promise<string | undefined> {
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    if (typeof reply[1] === 'string') return reply[1];
  } catch {
    // Fall through to INFO.
  }
  try {
    return /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1];
  } catch {
    return undefined;
  }
}
