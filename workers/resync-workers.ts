import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResyncJob } from '../schema/jobs.js';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { JOB_NAMES, QUEUE_NAMES } from '../src/queue/names.js';
import { DEFAULT_JOB_OPTIONS } from '../src/queue/queues.js';
import { RETRY_OPTIONS } from '../src/queue/retry-budget.js';
import { createResyncState } from '../src/resync/resync-state.js';
import type { WorkflowStore } from '../src/state/workflow-store.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import type { BudgetLeft } from '../src/xurrent/limiter.js';
import { createResyncProcessor } from './resync.js';
import { startWorker } from './start-worker.js';

export interface ResyncWorkersDeps {
  config: Pick<Config, 'queue' | 'resync' | 'webhooks'>;
  connection: Redis;
  xurrent: XurrentClient;
  store: WorkflowStore;
  requests: Queue;
  budgetLeft: () => Promise<BudgetLeft>;
  clock: Clock;
  logger: Logger;
  /** How often a running worker checks that Redis still holds its marker (a Redis wiped under it). */
  markerCheckMs?: number;
}

const SCHEDULER_ID = 'resync-sweep';
/**
 * Passes are few and small: a week of them is plenty to look back on; failures a month. A pass rides
 * out a Xurrent outage like any other job: a cold start's full resync is queued once, so losing it
 * to exhausted retries would leave the open requests unreconciled until their next webhook.
 */
export const RESYNC_JOB_OPTIONS = { ...RETRY_OPTIONS, removeOnComplete: { age: 7 * 86_400, count: 2_000 }, removeOnFail: { age: 30 * 86_400, count: 1_000 } };

/**
 * The reconciliation's queue and its one worker (one pass at a time). `start()` runs at worker
 * start: against a Redis without the worker's marker it queues a full resync (cold start); it keeps
 * the sweep's job scheduler at RESYNC_INTERVAL and queues one sweep now, to catch up on downtime.
 */
export function createResyncWorkers({ config, connection, xurrent, store, requests, budgetLeft, clock, logger, markerCheckMs = 60_000 }: ResyncWorkersDeps) {
  const prefix = config.queue.prefix;
  const queue = new Queue(QUEUE_NAMES.resync, { connection, prefix, defaultJobOptions: RESYNC_JOB_OPTIONS });
  const problemEvents = new Queue(QUEUE_NAMES.problemEvents, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  for (const q of [queue, problemEvents]) q.on('error', (error) => logger.warn('queue error', { component: 'resync', error: error.message }));
  const state = createResyncState(connection, prefix);
  const processor = createResyncProcessor({
    xurrent, store, state, requests, problemEvents, clock, logger,
    config: config.resync,
    accountId: config.webhooks.accounts[0] ?? 'unknown',
    budgetLow: async () => ((await budgetLeft()).cost ?? Number.POSITIVE_INFINITY) < config.resync.costFloor,
  });
  const worker: Worker = startWorker(processor, { queue: QUEUE_NAMES.resync, connection, prefix, logger, concurrency: 1, callsXurrent: true });
  const add = (name: string, data: ResyncJob) => queue.add(name, data);
  let watch: NodeJS.Timeout | undefined;

  async function start(): Promise<void> {
    const nowMs = clock.now();
    if (await state.claimMarker(nowMs)) {
      logger.warn('cold start: Redis holds none of the worker state; full resync from Xurrent queued', { component: 'resync' });
      await add(JOB_NAMES.resyncFull, { kind: 'full', sinceMs: nowMs - config.resync.coldStartWindowMs, reason: 'cold-start' });
    } else if (config.resync.intervalMs !== null) {
      await add(JOB_NAMES.resyncSweep, { kind: 'sweep', sinceMs: null, reason: 'worker-start' });
    }
    if (config.resync.intervalMs === null) {
      await queue.removeJobScheduler(SCHEDULER_ID);
      return;
    }
    const data: ResyncJob = { kind: 'sweep', sinceMs: null, reason: 'schedule' };
    await queue.upsertJobScheduler(SCHEDULER_ID, { every: config.resync.intervalMs }, { name: JOB_NAMES.resyncSweep, data });
  }

  /** A Redis wiped under a running worker loses the marker and the scheduler with it: start again. */
  const checkMarker = async () => {
    try {
      if (!(await state.hasMarker())) await start();
    } catch (error) {
      logger.warn('resync marker check failed', { component: 'resync', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    workers: [worker],
    async start(): Promise<void> {
      await start();
      watch ??= setInterval(() => void checkMarker(), markerCheckMs).unref();
    },
    closeQueues: async () => {
      clearInterval(watch);
      await Promise.all([queue.close(), problemEvents.close()]);
    },
  };
}
