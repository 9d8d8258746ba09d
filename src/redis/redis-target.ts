export { parseSentinelList, urlTarget, type RedisTarget, type SentinelAddress } from '../../schema/env/redis-target.js';
import type { RedisTarget } from '../../schema/env/redis-target.js';

/** What may be logged of a target: addresses and the group's name, never a password or a URL's userinfo. */
export function describeRedisTarget(target: RedisTarget): Record<string, string | number | boolean> {
  if (target.kind === 'sentinel') {
    return { mode: 'sentinel', name: target.name, sentinels: target.sentinels.map((s) => `${s.host}:${s.port}`).join(',') };
  }
  try {
    const parsed = new URL(target.url);
    return { mode: 'single', host: parsed.hostname, port: parsed.port === '' ? 6379 : Number(parsed.port), tls: parsed.protocol === 'rediss:' };
  } catch {
    return { mode: 'single', host: 'unparseable' };
  }
}
