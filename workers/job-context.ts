import { DelayedError, type Job } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { Logger } from '../src/logger.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { CountedXurrentClient, XurrentClient } from '../src/xurrent/client.js';

/** What a processor gets besides its parsed data: everything it may know or do about its job. */
export interface JobContext {
  readonly jobId: string | undefined;
  /** The worker's logger with the job's id and name. */
  readonly log: Logger;
  readonly clock: Clock;
  /** Xurrent, counting this job's calls (each job logs `xurrentCalls`). */
  readonly xurrent: CountedXurrentClient;
  /** Reports progress figures (the resync pass's; `cli resync --wait` shows them). */
  progress(figures: object): Promise<void>;
  /** Runs the job again `delayMs` from now without spending an attempt (BullMQ: moveToDelayed, then DelayedError). */
  retryLater(delayMs: number): Promise<never>;
  /**
   * Runs `work` holding the lock on `key` and releases it after; while another job holds that lock,
   * the job is retried `busyRetryMs` later instead (a busy lock is not a failure).
   */
  withRequestLock<T>(locks: Pick<KeyedLocks, 'tryAcquire'>, key: string, busyRetryMs: number, work: () => Promise<T>): Promise<T>;
}

/** A processor: the job's data, parsed by the registry (src/queue/jobs.ts), and its context. */
export type Processor<T, R = unknown> = (data: T, ctx: JobContext) => Promise<R>;

export interface JobContextDeps {
  logger: Logger;
  clock: Clock;
  xurrent: XurrentClient;
}

export function createJobContext(
  job: Pick<Job, 'id' | 'name' | 'moveToDelayed' | 'updateProgress'>,
  token: string | undefined,
  { logger, clock, xurrent }: JobContextDeps,
): JobContext {
  // Wall time, not the injected clock: BullMQ compares a delayed job's timestamp with real time.
  const retryLater = async (delayMs: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  };
  return {
    jobId: job.id,
    log: logger.child({ jobId: job.id, jobName: job.name }),
    clock,
    xurrent: xurrent.counted(),
    progress: (figures) => job.updateProgress(figures),
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
