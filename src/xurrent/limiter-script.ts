/**
 * One atomic step of the shared limiter, run in Redis so every worker process sees the same
 * counts and the same clock (Redis TIME). Returns {0, 0} when a call may start now, {1, ms} to
 * wait for the burst window, {2, ms} when an hourly budget or a Retry-After blocks the token.
 *
 * KEYS[1] burst log (sorted set of start times), KEYS[2] budget hash.
 * ARGV: window ms, burst limit, unique member, request reserve, cost reserve.
 */
export const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local b = redis.call('HMGET', KEYS[2], 'reqRemaining', 'reqReset', 'costRemaining', 'costReset', 'blockedUntil')
if b[5] and tonumber(b[5]) > now then return {2, tonumber(b[5]) - now} end
if b[1] and tonumber(b[1]) <= tonumber(ARGV[4]) and tonumber(b[2]) * 1000 > now then
  return {2, tonumber(b[2]) * 1000 - now}
end
if b[3] and tonumber(b[3]) <= tonumber(ARGV[5]) and tonumber(b[4]) * 1000 > now then
  return {2, tonumber(b[4]) * 1000 - now}
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  if b[1] then redis.call('HINCRBY', KEYS[2], 'reqRemaining', -1) end
  return {0, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {1, tonumber(oldest[2]) + window - now + 1}
`;
