import type { ResyncJob } from '../../../schema/jobs.js';
import { durationMillis } from '../../domain/resync/duration.js';
import { defineCommand, UsageError } from '../command.js';
import { createProgress } from '../progress.js';

/** `--since` as an instant (ISO with Z or an offset) or a duration back from now (P30D). */
export function parseSince(text: string, nowMs: number): number {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && /(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
  const millis = durationMillis(text);
  if (millis !== undefined) return nowMs - millis;
  throw new UsageError(`--since must be an instant such as 2026-03-01T00:00:00Z or a duration such as P30D, not "${text}"`);
}

const isProgress = (data: unknown): data is { done: number; total: number } =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as { done?: unknown }).done === 'number' &&
  typeof (data as { total?: unknown }).total === 'number';

/**
 * `resync --since <ISO|P30D> [--wait]`: queues a full resync for the running worker: every open
 * request and every request changed since then is reconciled, the worker's open problems found again.
 * With --wait, shows the pass's progress, waits for it (not the reconciles it queued) and prints its summary.
 */
export const resyncCommand = defineCommand({
  path: ['resync'],
  summary: 'reconcile every open request and those changed --since <ISO|P30D> (--wait for the summary)',
  flags: {
    since: {
      type: 'string',
      value: '<ISO instant|ISO duration>',
      description: 'also reconcile the requests changed since then, e.g. 2026-03-01T00:00:00Z or P30D (required)',
    },
    wait: { type: 'boolean', description: 'wait for the pass, showing its progress on stderr, and print its summary' },
  },
  async run(flags, io) {
    if (flags.since === undefined) throw new UsageError('--since <ISO instant|ISO duration> is required');
    const sinceMs = parseSince(flags.since, Date.now());
    const [{ QueueEvents }, { openQueues }, { QUEUE_NAMES }, { withServiceRedis }] = await Promise.all([
      import('bullmq'),
      import('../../queue/jobs.js'),
      import('../../queue/names.js'),
      import('../service-redis.js'),
    ]);
    return withServiceRedis(io, async (redis, prefix) => {
      const queues = openQueues(redis, prefix);
      const events = flags.wait ? new QueueEvents(QUEUE_NAMES.resync, { connection: redis.duplicate(), prefix }) : undefined;
      try {
        await events?.waitUntilReady();
        const data: ResyncJob = { kind: 'full', sinceMs, reason: 'cli' };
        // The registry's options: a full resync rides out a Xurrent outage like the worker's own.
        const job = await queues.enqueue.resyncFull(data);
        const queued = { queued: job.id, kind: 'full', since: new Date(sinceMs).toISOString() };
        if (!events) {
          io.stdout.write(`${JSON.stringify(queued)}\n`);
          return 0;
        }
        const progress = createProgress(io, { label: 'requests read from Xurrent' });
        events.on('progress', ({ jobId, data: figures }) => {
          if (jobId === job.id && isProgress(figures)) progress.update(figures.done, figures.total);
        });
        try {
          const result: unknown = await job.waitUntilFinished(events, 10 * 60_000);
          io.stdout.write(`${JSON.stringify({ ...queued, result })}\n`);
        } finally {
          progress.finish();
        }
        return 0;
      } finally {
        await queues.close();
        await events?.close();
      }
    });
  },
});
