import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Deletes the key only if it still holds our token, so an expired lock is never released by its old owner. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface Lock {
  /** Keeps the lock for another `ttlMs`; false when it was lost (expired and taken). */
  extend(): Promise<boolean>;
  release(): Promise<void>;
}

export interface KeyedLocks {
  /** The lock on `key`, or undefined when another holder has it. */
  tryAcquire(key: string): Promise<Lock | undefined>;
}

export interface KeyedLockOptions {
  prefix: string;
  ttlMs: number;
  /**
   * Extends a held lock every `ttlMs / 3` until it is released (a heartbeat), so `ttlMs` can be short:
   * a holder killed with SIGKILL blocks its key for at most `ttlMs`, however long a live holder works.
   */
  heartbeat?: boolean;
}

type LockScript = (key: string, token: string, ...args: string[]) => Promise<unknown>;

/** The scripts as ioredis commands: EVALSHA sends a hash instead of the script on every call. */
function lockScriptsOf(redis: Redis): { release: LockScript; extend: LockScript } {
  const commands = redis as unknown as Record<string, LockScript | undefined>;
  if (!commands['xswLockRelease']) redis.defineCommand('xswLockRelease', { numberOfKeys: 1, lua: RELEASE });
  if (!commands['xswLockExtend']) redis.defineCommand('xswLockExtend', { numberOfKeys: 1, lua: EXTEND });
  const bound = (name: string): LockScript => {
    const command = commands[name];
    if (!command) throw new Error(`the lock script ${name} could not be defined`);
    return command.bind(redis);
  };
  return { release: bound('xswLockRelease'), extend: bound('xswLockExtend') };
}

/**
 * Mutual exclusion per key across processes (one Redis key per held lock, with an expiry so a
 * crashed holder cannot block the key for longer than `ttlMs`).
 */
export function createKeyedLocks(redis: Redis, options: KeyedLockOptions): KeyedLocks {
  const scripts = lockScriptsOf(redis);
  return {
    async tryAcquire(key) {
      const redisKey = `${options.prefix}:lock:${key}`;
      const token = randomUUID();
      const taken = await redis.set(redisKey, token, 'PX', options.ttlMs, 'NX');
      if (taken !== 'OK') return undefined;
      const extend = async () => (await scripts.extend(redisKey, token, String(options.ttlMs))) === 1;
      // A missed beat (Redis briefly away) is harmless: the next one, or the expiry, settles it.
      const beat = options.heartbeat
        ? setInterval(() => void extend().catch(() => undefined), Math.max(1, Math.floor(options.ttlMs / 3)))
        : undefined;
      beat?.unref();
      return {
        extend,
        release: async () => {
          clearInterval(beat);
          await scripts.release(redisKey, token);
        },
      };
    },
  };
}
