import type { Redis } from 'ioredis';

/** Every key under the prefix with its type and full value, comparable across two reads. */
export async function snapshotKeys(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const page of redis.scanStream({ match: `${prefix}:*`, count: 1_000 })) {
    for (const key of page as string[]) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? (await redis.getBuffer(key))?.toString('base64')
          : type === 'hash'
            ? Object.entries(await redis.hgetall(key)).sort()
            : type === 'list'
              ? await redis.lrange(key, 0, -1)
              : type === 'set'
                ? (await redis.smembers(key)).sort()
                : type === 'zset'
                  ? await redis.zrange(key, '0', '-1', 'WITHSCORES')
                  : type === 'stream'
                    ? await redis.xrange(key, '-', '+')
                    : null;
      out.set(key, JSON.stringify([type, value]));
    }
  }
  return out;
}

/** What the old command searched: the key name and its value read as text. */
export const oldStyleText = (snap: Map<string, string>, key: string) =>
  `${key}\n${snap.get(key) ?? ''}`.replace(/"[A-Za-z0-9+/=]{16,}"/g, (b64) => Buffer.from(b64.slice(1, -1), 'base64').toString('latin1'));

/** The three-digit id found as a substring of the most keys, among those in both a stream id and a job timestamp. */
export function idFoundEverywhere(before: Map<string, string>): { candidate: string; keys: number } {
  const candidates = Array.from({ length: 900 }, (_, i) => String(i + 100)).map((candidate) => ({
    candidate,
    inStreamIds: [...before.keys()].some(
      (key) =>
        key.endsWith(':events') &&
        /"\d+-\d+"/.test(before.get(key) ?? '') &&
        [...(before.get(key) ?? '').matchAll(/"(\d+-\d+)"/g)].some((m) => m[1]!.includes(candidate)),
    ),
    inTimestamps: [...before.values()].some((value) =>
      [...value.matchAll(/"(?:timestamp|processedOn|finishedOn)","(\d+)"/g)].some((m) => m[1]!.includes(candidate)),
    ),
    keys: [...before.keys()].filter((key) => oldStyleText(before, key).includes(candidate)).length,
  }));
  const best = candidates.filter((c) => c.inStreamIds && c.inTimestamps).sort((a, b) => b.keys - a.keys)[0];
  if (!best) throw new Error('no three-digit id occurs in both stream ids and timestamps');
  return best;
}

/**
 * The snapshot without the keys under `prefix` that change by themselves while the service runs,
 * whatever the command does: the Xurrent limiter's counters, the availability heartbeats (written on
 * a timer), BullMQ's stalled-check flags, wake-up markers and rate-limit keys (TTL'd and consumed by
 * the workers); and without the keys of `fixtureQueue`.
 */
export function stableUnder(prefix: string, fixtureQueue: string): (snap: Map<string, string>) => Map<string, string> {
  const volatile = new RegExp(`^${prefix}:(xurrent-limiter|uptime|uptime-first-beat)(:|$)|:stalled-check$|:marker$|:limiter$`);
  return (snap) => new Map([...snap].filter(([key]) => !volatile.test(key) && !key.startsWith(`${prefix}:${fixtureQueue}:`)));
}
