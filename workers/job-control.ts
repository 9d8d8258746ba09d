import { DelayedError, type Job } from 'bullmq';
import type { KeyedLocks } from '../src/redis/request-lock.js';

/** What a processor may do with its own job besides returning or throwing. */
export interface JobControl {
  /** Runs the job again `delayMs` from now without spending an attempt (BullMQ: moveToDelayed, then DelayedError). */
  retryLater(delayMs: number): Promise<never>;
  /**
   * Runs `work` holding the lock on `key` and releases it after; while another job holds that lock,
   * the job is retried `busyRetryMs` later instead (a busy lock is not a failure).
   */
  withRequestLock<T>(locks: Pick<KeyedLocks, 'tryAcquire'>, key: string, busyRetryMs: number, work: () => Promise<T>): Promise<T>;
}

export function jobControl(job: Pick<Job, 'moveToDelayed'>, token: string | undefined): JobControl {
  // Wall time, not the injected clock: BullMQ compares a delayed job's timestamp with real time.
  const retryLater = async (delayMs: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  };
  return {
    retryLater,
    async withRequestLock(locks, key, busyRetryMs, work) {
      const lock = await locks.tryAcquire(key);
      if (!lock) return retryLater(busyRetryMs);
      try {
        return await work();
      } finally {
        await lock.release();
      }
    },
  };
}
