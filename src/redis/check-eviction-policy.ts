import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * BullMQ loses jobs and locks if Redis may evict keys; only `noeviction` is safe.
 * Managed Redis services sometimes forbid CONFIG, so an unreadable policy is a warning too.
 */
export async function checkEvictionPolicy(redis: Redis, logger: Logger): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      logger.warn('Redis maxmemory-policy is not noeviction: queued jobs may be evicted under memory pressure', {
        component: 'redis',
        policy,
      });
    }
    return policy;
  } catch (error) {
    logger.warn('could not read Redis maxmemory-policy; make sure it is noeviction', { component: 'redis', error });
    return undefined;
  }
}
