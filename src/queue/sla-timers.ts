import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SlaTimerJob } from '../../schema/jobs.js';
import type { Clock } from '../clock.js';
import { JOB_NAMES } from './names.js';
import { toJobId } from './producer.js';

export type TimerTarget = SlaTimerJob['target'];

const INDEX_TTL_SECONDS = 400 * 24 * 60 * 60;

export interface SlaTimerDeps {
  queue: Queue;
  redis: Redis;
  /** BullMQ prefix; the current timer per request and target is kept under `<prefix>:sla-timers:current`. */
  prefix: string;
  clock: Clock;
}

/**
 * SLA timers as delayed jobs. A timer's id names the request, target and instant, so scheduling
 * the same timer twice adds it once; rescheduling removes the timer it replaces (found through a
 * small index, not by scanning the delayed set).
 */
export function createSlaTimers({ queue, redis, prefix, clock }: SlaTimerDeps) {
  const indexKey = `${prefix}:sla-timers:current`;
  return {
    /** Makes `fireAtMs` the only pending timer of this request and target; null removes it. */
    async schedule(requestNodeId: string, target: TimerTarget, fireAtMs: number | null): Promise<void> {
      const field = `${requestNodeId}:${target}`;
      const jobId = fireAtMs === null ? null : toJobId('sla', `${requestNodeId}-${target}-${fireAtMs}`);
      const previous = await redis.hget(indexKey, field);
      if (previous === jobId) return;
      // A timer already running cannot be removed; that is harmless, its reconcile re-reads the state.
      if (previous) await queue.remove(previous).catch(() => undefined);
      if (fireAtMs === null || jobId === null) {
        await redis.hdel(indexKey, field);
        return;
      }
      const data: SlaTimerJob = { requestNodeId, target, fireAtMs };
      await queue.add(JOB_NAMES.slaTimer, data, { jobId, delay: Math.max(0, fireAtMs - clock.now()), removeOnComplete: true, removeOnFail: { count: 1_000 } });
      // The index lives as long as workflow state would (a request's field goes when its timer does).
      await redis.multi().hset(indexKey, field, jobId).expire(indexKey, INDEX_TTL_SECONDS).exec();
    },
  };
}
export type SlaTimers = ReturnType<typeof createSlaTimers>;
