import type { Redis } from 'ioredis';
import type { LoginThrottle, LoginThrottleSettings } from './login-throttle.js';

/**
 * KEYS[1] the address's counter; ARGV window ms, max failures. The counter lives for one window
 * from its first failure; the failure that reaches the limit restarts the window, so the block
 * lasts a full window. A counter without a TTL (never written so) gets one rather than living on.
 * A counter in its last millisecond (PTTL 0, which the block check already reads as expired) starts
 * a new window, so a failure at the boundary is not added to the old count.
 */
const RECORD_SCRIPT = `
if redis.call('PTTL', KEYS[1]) == 0 then redis.call('DEL', KEYS[1]) end
local failures = redis.call('INCR', KEYS[1])
local max = tonumber(ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if failures == 1 or failures == max or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if failures >= max then return {failures, ttl} end
return {failures, 0}
`;

/** KEYS[1] the address's counter; ARGV max failures. Milliseconds left of the block, or 0. */
const BLOCKED_SCRIPT = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures < tonumber(ARGV[1]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return 0 end
return ttl
`;

type RecordCommand = (key: string, windowMs: number, maxFailures: number) => Promise<[number, number]>;
type BlockedCommand = (key: string, maxFailures: number) => Promise<number>;

function commandOf<T>(redis: Redis, name: string, lua: string): T {
  const commands = redis as unknown as Record<string, T | undefined>;
  if (!commands[name]) redis.defineCommand(name, { numberOfKeys: 1, lua });
  const command = commands[name] as unknown as { bind(target: Redis): T } | undefined;
  if (!command) throw new Error(`the ${name} script could not be defined`);
  return command.bind(redis);
}

/** The counter of one client address (an address key from `clientAddressKey`). */
export const loginFailuresKey = (prefix: string, address: string) => `${prefix}:admin-login-failures:${address}`;

/**
 * Shared by every process on the same Redis and prefix: several web processes behind a load
 * balancer, and worker processes serving /metrics, count one address's failures together, and a
 * restart or deploy does not reset them. Costs one round trip per admin request.
 */
export function createRedisLoginThrottle(redis: Redis, prefix: string, settings: LoginThrottleSettings): LoginThrottle {
  const record = commandOf<RecordCommand>(redis, 'xswAdminLoginFailure', RECORD_SCRIPT);
  const blocked = commandOf<BlockedCommand>(redis, 'xswAdminLoginBlocked', BLOCKED_SCRIPT);
  return {
    blockedForMs: async (address) => Number(await blocked(loginFailuresKey(prefix, address), settings.maxFailures)),
    recordFailure: async (address) => {
      const [failures, blockedForMs] = await record(loginFailuresKey(prefix, address), settings.windowMs, settings.maxFailures);
      return { failures: Number(failures), blockedForMs: Number(blockedForMs) };
    },
  };
}
