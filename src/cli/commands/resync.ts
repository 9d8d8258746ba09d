import { Queue, QueueEvents } from 'bullmq';
import type { ResyncJob } from '../../../schema/jobs.js';
import { durationMillis } from '../../domain/resync/duration.js';
import { JOB_NAMES, QUEUE_NAMES } from '../../queue/names.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { withServiceRedis } from '../service-redis.js';

/** `--since` as an instant (ISO with Z or an offset) or a duration back from now (P30D). */
export function parseSince(text: string, nowMs: number): number {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && /(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
  const millis = durationMillis(text);
  if (millis !== undefined) return nowMs - millis;
  throw new UsageError(`--since must be an instant such as 2026-03-01T00:00:00Z or a duration such as P30D, not "${text}"`);
}

/**
 * `resync --since <ISO|P30D> [--wait]`: queues a full resync for the running worker: every open
 * request and every request changed since then is reconciled, the worker's open problems found again.
 * With --wait, waits for the pass (not the reconciles it queued) and prints its summary.
 */
export const resyncCommand: CliCommand = {
  path: ['resync'],
  summary: 'reconcile every open request and those changed --since <ISO|P30D> (--wait for the summary)',
  async run(args, io) {
    const flags = parseFlags(args, ['wait']);
    const since = flags.get('since');
    if (typeof since !== 'string') throw new UsageError('--since <ISO instant|ISO duration> is required');
    const sinceMs = parseSince(since, Date.now());
    return withServiceRedis(io, async (redis, prefix) => {
      const queue = new Queue(QUEUE_NAMES.resync, { connection: redis, prefix });
      const events = flags.has('wait') ? new QueueEvents(QUEUE_NAMES.resync, { connection: redis.duplicate(), prefix }) : undefined;
      try {
        const data: ResyncJob = { kind: 'full', sinceMs, reason: 'cli' };
        const job = await queue.add(JOB_NAMES.resyncFull, data, { removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } });
        const queued = { queued: job.id, kind: 'full', since: new Date(sinceMs).toISOString() };
        if (!events) {
          io.stdout.write(`${JSON.stringify(queued)}\n`);
          return 0;
        }
        const result: unknown = await job.waitUntilFinished(events, 10 * 60_000);
        io.stdout.write(`${JSON.stringify({ ...queued, result })}\n`);
        return 0;
      } finally {
        await queue.close();
        await events?.close();
      }
    });
  },
};
