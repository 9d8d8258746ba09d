import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/**
 * Counts failed admin logins per client address: after `maxFailures` within `windowMs` the address
 * is blocked for `windowMs` from the failure that reached the limit, whatever it sends (a correct
 * credential too, or the answer would tell a guesser when it is right).
 */
export interface LoginThrottle {
  /** Milliseconds until `address` may try again; 0 when it may try now. */
  blockedForMs(address: string): Promise<number>;
  /** Counts a failed login; `blockedForMs` > 0 when this failure reached the limit. */
  recordFailure(address: string): Promise<{ failures: number; blockedForMs: number }>;
}

export interface LoginThrottleSettings {
  maxFailures: number;
  windowMs: number;
}

/** Addresses tracked at most by one process's fallback; beyond it the oldest entry goes (bounded memory under a spread attack). */
const MEMORY_MAX_ADDRESSES = 10_000;

/** One process's own counts: the fallback while Redis cannot be reached (see `withFallback`). */
export function createMemoryLoginThrottle(settings: LoginThrottleSettings, clock: Clock): LoginThrottle {
  const entries = new Map<string, { failures: number; resetAtMs: number }>();
  const current = (address: string) => {
    const entry = entries.get(address);
    if (entry && entry.resetAtMs <= clock.now()) {
      entries.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    blockedForMs: async (address) => {
      const entry = current(address);
      return entry && entry.failures >= settings.maxFailures ? entry.resetAtMs - clock.now() : 0;
    },
    recordFailure: async (address) => {
      const now = clock.now();
      let entry = current(address);
      if (!entry) {
        if (entries.size >= MEMORY_MAX_ADDRESSES) dropOldest(entries, now);
        entry = { failures: 0, resetAtMs: now + settings.windowMs };
        entries.set(address, entry);
      }
      entry.failures += 1;
      if (entry.failures !== settings.maxFailures)
        return { failures: entry.failures, blockedForMs: entry.failures > settings.maxFailures ? entry.resetAtMs - now : 0 };
      entry.resetAtMs = now + settings.windowMs;
      return { failures: entry.failures, blockedForMs: settings.windowMs };
    },
  };
}

function dropOldest(entries: Map<string, { resetAtMs: number }>, now: number): void {
  for (const [address, entry] of entries) if (entry.resetAtMs <= now) entries.delete(address);
  const oldest = entries.keys().next();
  if (entries.size >= MEMORY_MAX_ADDRESSES && !oldest.done) entries.delete(oldest.value);
}

/**
 * The shared (Redis) throttle, and this process's own while Redis fails: the admin surface stays
 * throttled and reachable (for /metrics during an outage), never open and never locked. One warning
 * when the fallback starts and one info line when Redis answers again.
 */
export function withFallback(primary: LoginThrottle, fallback: LoginThrottle, logger: Logger): LoginThrottle {
  let degraded = false;
  const attempt = async <T>(run: (throttle: LoginThrottle) => Promise<T>): Promise<T> => {
    try {
      const result = await run(primary);
      if (degraded) logger.info('admin login throttle back on Redis', { component: 'admin' });
      degraded = false;
      return result;
    } catch (error) {
      if (!degraded)
        logger.warn('admin login throttle cannot reach Redis: counting failed logins in this process until it can', {
          component: 'admin',
          error: (error as Error).message,
        });
      degraded = true;
      return run(fallback);
    }
  };
  return {
    blockedForMs: (address) => attempt((t) => t.blockedForMs(address)),
    recordFailure: (address) => attempt((t) => t.recordFailure(address)),
  };
}
