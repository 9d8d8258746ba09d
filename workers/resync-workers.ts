import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResyncJob } from '../schema/jobs.js';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { JOBS, type OpenQueues } from '../src/queue/jobs.js';
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
  queues: OpenQueues;
  budgetLeft: () => Promise<BudgetLeft>;
  clock: Clock;
  logger: Logger;
  /** How often a running worker checks that Redis still holds its marker (a Redis wiped under it). */
  markerCheckMs?: number;
}

const SCHEDULER_ID = 'resync-sweep';

/**
 * The reconciliation's queue and its one worker (one pass at a time). `start()` runs at worker
 * start: against a Redis without the worker's marker it queues a full resync (cold start); it keeps
 * the sweep's job scheduler at RESYNC_INTERVAL and queues one sweep now, to catch up on downtime.
 */
export function createResyncWorkers({
  config,
  connection,
  xurrent,
  store,
  queues,
  budgetLeft,
  clock,
  logger,
  markerCheckMs = 60_000,
}: ResyncWorkersDeps) {
  const prefix = config.queue.prefix;
  const state = createResyncState(connection, prefix);
  const processor = createResyncProcessor({
    store,
    state,
    queues,
    config: config.resync,
    accountId: config.webhooks.accounts[0] ?? 'unknown',
    budgetLow: async () => ((await budgetLeft()).cost ?? Number.POSITIVE_INFINITY) < config.resync.costFloor,
  });
  const worker: Worker = startWorker(JOBS.resyncFull, processor, {
    connection,
    prefix,
    logger,
    clock,
    xurrent,
    concurrency: 1,
    callsXurrent: true,
  });
  let watch: NodeJS.Timeout | undefined;

  async function start(): Promise<void> {
    const nowMs = clock.now();
    if (await state.claimMarker(nowMs)) {
      logger.warn('cold start: Redis holds none of the worker state; full resync from Xurrent queued', { component: 'resync' });
      await queues.enqueue.resyncFull({ kind: 'full', sinceMs: nowMs - config.resync.coldStartWindowMs, reason: 'cold-start' });
    } else if (config.resync.intervalMs !== null) {
      await queues.enqueue.resyncSweep({ kind: 'sweep', sinceMs: null, reason: 'worker-start' });
    }
    if (config.resync.intervalMs === null) {
      await queues.resync.removeJobScheduler(SCHEDULER_ID);
      return;
    }
    const data: ResyncJob = { kind: 'sweep', sinceMs: null, reason: 'schedule' };
    await queues.resync.upsertJobScheduler(
      SCHEDULER_ID,
      { every: config.resync.intervalMs },
      { name: JOBS.resyncSweep.name, data, opts: JOBS.resyncSweep.options },
    );
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
    /** Stops the marker check; the queues are closed with the others. */
    stop: () => clearInterval(watch),
  };
}
