import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FollowUpXurrentJob, ForwardToXurrentJob } from '../../schema/break-fix-jobs.js';
import type { Clock } from '../clock.js';
import { JOB_NAMES } from './names.js';
import { toJobId } from './producer.js';

export interface FollowUpTimers {
  /** Makes `fireAtMs` the only pending poll of this request; null stops following it. */
  schedule(requestNodeId: string, fireAtMs: number | null): Promise<void>;
  /** Schedules a poll at `fireAtMs` only when none is pending (restores a lost one, never adds a second). */
  ensure(requestNodeId: string, fireAtMs: number): Promise<void>;
}

/**
 * Polls of linked requests at Xurrent as delayed jobs, one pending per request: the job id names the
 * request and instant (adding the same poll twice adds it once) and a small index holds each
 * request's current poll, so rescheduling removes the one it replaces without scanning the queue.
 */
export function createFollowUpTimers({ queue, redis, prefix, clock }: { queue: Queue; redis: Redis; prefix: string; clock: Clock }): FollowUpTimers {
  const indexKey = `${prefix}:xurrent-follow-up:current`;
  const schedule: FollowUpTimers['schedule'] = async (requestNodeId, fireAtMs) => {
    const jobId = fireAtMs === null ? null : toJobId('follow', `${requestNodeId}-${fireAtMs}`);
    const previous = await redis.hget(indexKey, requestNodeId);
    if (previous === jobId) return;
    // The running poll cannot be removed; it is the one rescheduling, so that is harmless.
    if (previous) await queue.remove(previous).catch(() => undefined);
    if (fireAtMs === null || jobId === null) {
      await redis.hdel(indexKey, requestNodeId);
      return;
    }
    const data: FollowUpXurrentJob = { requestNodeId, fireAtMs };
    await queue.add(JOB_NAMES.followUpXurrent, data, { jobId, delay: Math.max(0, fireAtMs - clock.now()), removeOnComplete: true, removeOnFail: { count: 1_000 } });
    await redis.hset(indexKey, requestNodeId, jobId);
  };
  return {
    schedule,
    async ensure(requestNodeId, fireAtMs) {
      if ((await redis.hget(indexKey, requestNodeId)) === null) await schedule(requestNodeId, fireAtMs);
    },
  };
}

/** One forward per request at a time, coalesced like reconciles: the job reads the current state. */
export async function enqueueForward(queue: Queue, data: ForwardToXurrentJob): Promise<void> {
  await queue.add(JOB_NAMES.forwardToXurrent, data, {
    deduplication: { id: toJobId('forward', data.requestNodeId), keepLastIfActive: true },
    removeOnComplete: { age: 3_600, count: 10_000 },
  });
}
