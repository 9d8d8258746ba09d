import { Queue, type Worker } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { DEFAULT_JOB_OPTIONS } from '../src/queue/queues.js';
import { createSlaTimers } from '../src/queue/sla-timers.js';
import { createRedis } from '../src/redis/connection.js';
import { createKeyedLocks } from '../src/redis/request-lock.js';
import { createWorkflowStore } from '../src/state/workflow-store.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import type { BudgetLeft } from '../src/xurrent/limiter.js';
import { createProblemWorkers } from './problem-workers.js';
import { createReconcileProcessor } from './reconcile-request.js';
import { createResyncWorkers } from './resync-workers.js';
import { createRequestEventProcessor } from './request-event.js';
import { createSlaTimerProcessor } from './sla-timer.js';
import { startWorker } from './start-worker.js';
import { createWebhookVerifyWorker } from './webhook-verify.js';
import { createWorkflowPolicy } from './workflow-policy.js';

export interface Workers {
  all: readonly Worker[];
  isRunning(): boolean;
  /** Start-up work on Redis: cold-start detection (full resync) and the sweep's scheduler. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for active ones; `force` abandons them (they will be retried). */
  close(force?: boolean): Promise<void>;
}

export interface WorkersDeps {
  config: Pick<Config, 'queue' | 'webhooks' | 'sla' | 'workflow' | 'problems' | 'resync'>;
  redisUrl: string;
  xurrent: XurrentClient;
  logger: Logger;
  clock: Clock;
  fetch?: typeof globalThis.fetch;
  /** What is left of Xurrent's hourly budgets (the sweep stops early when cost runs low); unknown by default. */
  budgetLeft?: () => Promise<BudgetLeft>;
}

/** A lock outlives any reconcile (a few Xurrent calls, possibly paced by the limiter). */
const RECONCILE_LOCK_MS = 5 * 60_000;

/** Wires every processor to its queue; the only place that knows which job runs where. */
export function createWorkers({ config, redisUrl, xurrent, logger, clock, fetch = globalThis.fetch, budgetLeft = async () => ({}) }: WorkersDeps): Workers {
  const prefix = config.queue.prefix;
  // Workers block on Redis and must outlast its outages, so they get their own patient connection.
  const connection = createRedis(redisUrl, 'worker', 'xsw-worker');
  connection.on('error', (error) => logger.warn('worker redis connection error', { component: 'workers', error: error.message }));
  const requests = new Queue(QUEUE_NAMES.requests, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const slaTimerQueue = new Queue(QUEUE_NAMES.slaTimers, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  for (const queue of [requests, slaTimerQueue]) queue.on('error', (error) => logger.warn('queue error', { component: 'workers', error: error.message }));

  const problems = createProblemWorkers({ config, connection, xurrent, clock, logger });
  const store = createWorkflowStore(connection, prefix, logger, config.resync.retentionDays);
  const resync = createResyncWorkers({ config, connection, xurrent, store, requests, budgetLeft, clock, logger });
  const reconcile = createReconcileProcessor({
    xurrent,
    store,
    locks: createKeyedLocks(connection, { prefix, ttlMs: RECONCILE_LOCK_MS }),
    timers: createSlaTimers({ queue: slaTimerQueue, redis: connection, prefix, clock }),
    policy: createWorkflowPolicy(config),
    clock,
    logger,
    onReconciled: problems.trigger,
  });
  const base = { connection, prefix, logger };
  const all = [
    startWorker(createRequestEventProcessor({ requests, logger }), { ...base, queue: QUEUE_NAMES.events, concurrency: config.queue.concurrency }),
    startWorker(reconcile, { ...base, queue: QUEUE_NAMES.requests, concurrency: config.queue.concurrency, callsXurrent: true }),
    startWorker(createSlaTimerProcessor({ requests }), { ...base, queue: QUEUE_NAMES.slaTimers, concurrency: config.queue.concurrency }),
    ...problems.workers,
    ...resync.workers,
    createWebhookVerifyWorker({ connection, prefix, accountUrl: config.webhooks.accountUrl, fetch, logger }),
  ];
  return {
    all,
    isRunning: () => all.every((w) => w.isRunning()),
    start: () => resync.start(),
    close: async (force = false) => {
      await Promise.all(all.map((w) => w.close(force)));
      await Promise.all([requests.close(), slaTimerQueue.close(), problems.closeQueues(), resync.closeQueues()]);
      connection.disconnect();
    },
  };
}
