export { parseSentinelList, urlTarget, type RedisTarget, type SentinelAddress } from '../../schema/env/redis-target.js';
import type { RedisTarget } from '../../schema/env/redis-target.js';
import { describeRedisUrl, type RedisAddress } from './describe-redis.js';

/**
 * What may be logged of a target: a URL's host, port and TLS (describe-redis.ts), or the Sentinels'
 * addresses and the group's name; never a password or a URL's userinfo.
 */
export function describeRedisTarget(
  target: RedisTarget,
): RedisAddress | 'unparseable' | { mode: 'sentinel'; name: string; sentinels: string } {
  if (target.kind === 'url') return describeRedisUrl(target.url);
  return { mode: 'sentinel', name: target.name, sentinels: target.sentinels.map((s) => `${s.host}:${s.port}`).join(',') };
}
