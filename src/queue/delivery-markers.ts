import type { Redis } from 'ioredis';

/**
 * Dedup markers, one small key per delivery id with a TTL. A marker is `pending|<job key>` while
 * its job is being added and `done|<job key>` once Redis holds the job. A delivery is a duplicate
 * when any of its markers is done, or pending with the job present; a pending marker whose job is
 * missing is a failed earlier attempt, which may claim again.
 */
const CLAIM = `
for _, key in ipairs(KEYS) do
  local seen = redis.call('GET', key)
  if seen then
    local state, jobKey = string.match(seen, '^(%a+)|(.*)$')
    if state == 'done' or (jobKey and redis.call('EXISTS', jobKey) == 1) then
      if ARGV[3] == 'touch' then redis.call('EXPIRE', key, ARGV[2]) end
      return 0
    end
  end
end
for _, key in ipairs(KEYS) do redis.call('SET', key, 'pending|' .. ARGV[1], 'EX', ARGV[2]) end
return 1`;

/**
 * With `touch` (REDIS_MIN_REPLICAS_ACK > 0) a duplicate renews its marker's TTL: a write, so the
 * WAIT that follows on this connection covers everything the primary held when the duplicate was
 * found, including another web process's add of the same delivery (replication is in order).
 */

/** ARGV[1] is the TTL and ARGV[i + 1] the job key of KEYS[i], so one call confirms many deliveries. */
const CONFIRM = `for i, key in ipairs(KEYS) do redis.call('SET', key, 'done|' .. ARGV[i + 1], 'EX', ARGV[1]) end
return 1`;

export interface DeliveryMarkers {
  /** True when this delivery may be added (and its markers are now pending), false for a duplicate. */
  claim(keys: readonly string[], jobKey: string, options?: { touchDuplicate?: boolean }): Promise<boolean>;
  /** Marks each of `keys` done; `jobKeys[i]` is the job key of `keys[i]`. */
  confirm(keys: readonly string[], jobKeys: readonly string[]): Promise<void>;
}

type ScriptCall = (numberOfKeys: number, ...keysAndArgs: string[]) => Promise<unknown>;
interface MarkerCommands {
  xswClaimDelivery: ScriptCall;
  xswConfirmDeliveries: ScriptCall;
}

/**
 * One round trip each, so deduplication costs two small scripts beside the job's own add. The
 * scripts are registered on the connection (ioredis sends EVALSHA, falling back to EVAL once).
 */
export function createDeliveryMarkers(redis: Redis, ttlSeconds: number): DeliveryMarkers {
  const ttl = String(ttlSeconds);
  if (!('xswClaimDelivery' in redis)) {
    redis.defineCommand('xswClaimDelivery', { lua: CLAIM });
    redis.defineCommand('xswConfirmDeliveries', { lua: CONFIRM });
  }
  const commands = redis as Redis & MarkerCommands;
  return {
    claim: async (keys, jobKey, options) =>
      (await commands.xswClaimDelivery(keys.length, ...keys, jobKey, ttl, options?.touchDuplicate ? 'touch' : '')) === 1,
    confirm: async (keys, jobKeys) => void (await commands.xswConfirmDeliveries(keys.length, ...keys, ttl, ...jobKeys)),
  };
}
