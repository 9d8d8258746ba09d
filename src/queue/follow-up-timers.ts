import type { Redis } from 'ioredis';
import type { FollowUpXurrentJob, ForwardToXurrentJob } from '../../schema/break-fix-jobs.js';
import type { Clock } from '../clock.js';
import { JOBS, type OpenQueues } from './jobs.js';

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
export function createFollowUpTimers({
  queues,
  redis,
  prefix,
  clock,
}: {
  queues: Pick<OpenQueues, 'enqueue' | 'xurrentFollowUp'>;
  redis: Redis;
  prefix: string;
  clock: Clock;
}): FollowUpTimers {
  const indexKey = `${prefix}:xurrent-follow-up:current`;
  const schedule: FollowUpTimers['schedule'] = async (requestNodeId, fireAtMs) => {
    const jobId = fireAtMs === null ? null : JOBS.followUpXurrent.jobId({ requestNodeId, fireAtMs });
    const previous = await redis.hget(indexKey, requestNodeId);
    if (previous === jobId) return;
    // The running poll cannot be removed; it is the one rescheduling, so that is harmless.
    if (previous) await queues.xurrentFollowUp.remove(previous).catch(() => undefined);
    if (fireAtMs === null || jobId === null) {
      await redis.hdel(indexKey, requestNodeId);
      return;
    }
    const data: FollowUpXurrentJob = { requestNodeId, fireAtMs };
    await queues.enqueue.followUpXurrent(data, { delay: Math.max(0, fireAtMs - clock.now()) });
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
export async function enqueueForward(queues: Pick<OpenQueues, 'enqueue'>, data: ForwardToXurrentJob): Promise<void> {
  await queues.enqueue.forwardToXurrent(data);
}
