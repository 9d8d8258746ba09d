import { Job, type Queue } from 'bullmq';

export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;
export type CountedState = (typeof COUNTED_STATES)[number];

/** Jobs per state of each queue (completed and failed: those still kept, see each job's options in jobs.ts). */
export async function countJobs(queues: readonly Queue[]): Promise<{ queue: string; counts: Record<CountedState, number> }[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const raw = await queue.getJobCounts(...COUNTED_STATES);
      const counts = Object.fromEntries(COUNTED_STATES.map((state) => [state, raw[state] ?? 0])) as Record<CountedState, number>;
      return { queue: queue.name, counts };
    }),
  );
}

/**
 * Re-queues the jobs that failed past their retries (the dead letters of `queue`) with a fresh
 * retry budget. Only jobs failed when the call started: a job failing again meanwhile stays put,
 * so a still-broken dependency cannot make this loop. Jobs gone or moved meanwhile are skipped.
 */
export async function retryFailedJobs(queue: Queue): Promise<{ retried: number; skipped: number }> {
  const ids = await queue.getRanges(['failed'], 0, -1);
  let retried = 0;
  let skipped = 0;
  for (const id of new Set(ids)) {
    const job = await Job.fromId(queue, id);
    try {
      if (!job) throw new Error('gone');
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried += 1;
    } catch {
      skipped += 1;
    }
  }
  return { retried, skipped };
}
