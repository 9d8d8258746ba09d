import { createStatusActorStore } from '../src/state/status-actors.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { Worker } from 'bullmq';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { JOBS, openQueues } from '../src/queue/jobs.js';
import { createSlaTimers } from '../src/queue/sla-timers.js';
import { createRedis } from '../src/redis/connection.js';
import type { RedisTarget } from '../src/redis/redis-target.js';
import { createReplicaAck, type ReplicaAckSettings } from '../src/redis/replica-ack.js';
import { observeWorkflowStore } from '../src/metrics/observe-workflow.js';
import type { ServiceMetrics } from '../src/metrics/service-metrics.js';
import { createKeyedLocks } from '../src/redis/request-lock.js';
import { createReportStore } from '../src/reports/report-store.js';
import { createWorkflowStore } from '../src/state/workflow-store.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import type { BudgetLeft } from '../src/xurrent/limiter.js';
import { createBreakFixWorkers } from './break-fix-workers.js';
import { createProblemWorkers } from './problem-workers.js';
import { createReconcileProcessor } from './reconcile-request.js';
import { createReportWriter } from './report-writer.js';
import { createResyncWorkers } from './resync-workers.js';
import { createRequestEventProcessor } from './request-event.js';
import { createSlaTimerProcessor } from './sla-timer.js';
import { startWorker } from './start-worker.js';
import { createWebhookVerifyWorker } from './webhook-verify.js';
import { createCustomerPolicies, createWorkflowPolicy } from './workflow-policy.js';

export interface Workers {
  all: readonly Worker[];
  isRunning(): boolean;
  /** Start-up work on Redis: cold-start detection (full resync) and the sweep's scheduler. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for active ones; `force` abandons them (they will be retried). */
  close(force?: boolean): Promise<void>;
}

export interface WorkersDeps {
  config: Pick<Config, 'queue' | 'webhooks' | 'sla' | 'workflow' | 'problems' | 'registration' | 'reports' | 'resync'> & {
    breakFix?: Config['breakFix'];
    xurrent?: Config['xurrent'];
  };
  redis: RedisTarget;
  xurrent: XurrentClient;
  /** Break-fix request mode: the client of the account that reaches Xurrent's support and this service's account. */
  support?: { client: XurrentClient; customerAccount: string };
  logger: Logger;
  clock: Clock;
  fetch?: typeof globalThis.fetch;
  /** Counts SLA warnings and breaches as reconciles save state, and keeps the open-clock sets. */
  metrics?: Pick<ServiceMetrics, 'slaWarning' | 'slaBreach'>;
  /** REDIS_MIN_REPLICAS_ACK: workflow state (and the timers saved with it) counts as saved once that many replicas hold it. */
  replicaAck?: ReplicaAckSettings;
  /** What is left of Xurrent's hourly budgets (the sweep stops early when cost runs low); unknown by default. */
  budgetLeft?: () => Promise<BudgetLeft>;
}

/** Wires every processor to its queue; the only place that knows which job runs where. */
export function createWorkers({
  config,
  redis,
  xurrent,
  support,
  logger,
  clock,
  fetch = globalThis.fetch,
  metrics,
  budgetLeft = async () => ({}),
  replicaAck,
}: WorkersDeps): Workers {
  const prefix = config.queue.prefix;
  const lockMs = config.queue.lockMs;
  // Workers block on Redis and must outlast its outages, so they get their own patient connection.
  const connection = createRedis(redis, 'worker', 'xsw-worker');
  connection.on('error', (error) => logger.warn('worker redis connection error', { component: 'workers', error: error.message }));
  // The producer side of every queue the processors add to: each job's options come from the registry.
  const queues = openQueues(connection, prefix, {
    onError: (error, queue) => logger.warn('queue error', { component: 'workers', queue, error: error.message }),
  });
  const observed = (store: Parameters<typeof observeWorkflowStore>[0]) =>
    metrics ? observeWorkflowStore(store, { redis: connection, prefix, metrics }) : store;

  const reportStore = createReportStore(connection, prefix, config.reports.retentionDays, logger);
  const problems = createProblemWorkers({
    config,
    connection,
    queues,
    xurrent,
    clock,
    logger,
    reports: reportStore,
    reconcile: (requestNodeId, reason) => enqueueReconcile(queues, { requestNodeId, reason }),
  });
  const breakFix =
    config.breakFix?.mode === 'request' && support
      ? createBreakFixWorkers({ config: { ...config, breakFix: config.breakFix }, connection, queues, xurrent, support, clock, logger })
      : undefined;
  const policy = createWorkflowPolicy(config);
  const store = observed(
    createWorkflowStore(connection, prefix, logger, config.reports.retentionDays, replicaAck ? createReplicaAck(replicaAck) : undefined),
  );
  const resync = createResyncWorkers({ config, connection, xurrent, store, queues, budgetLeft, clock, logger });
  const statusActors = createStatusActorStore(connection, prefix, config.reports.retentionDays);
  const reconcile = createReconcileProcessor({
    store,
    statusActors,
    // Kept alive by a heartbeat rather than a long expiry: a killed worker must not hold a request for
    // longer than its BullMQ jobs take to come back (see test/faults/worker-killed.test.ts).
    locks: createKeyedLocks(connection, { prefix, ttlMs: lockMs, heartbeat: true }),
    timers: createSlaTimers({ queues, clock }),
    policy,
    policyFor: createCustomerPolicies(policy, {
      zone: config.sla.calendar.zone,
      locale: config.workflow.locale,
      customerSettings: config.reports.customerSettings,
      providerAccountId: config.xurrent?.account ?? null,
    }),
    reports: createReportWriter({
      store: reportStore,
      calendar: policy.calendar,
      sla: policy.sla,
      providerAccountId: config.xurrent?.account ?? null,
    }),
    onReconciled: async (request, facts, state) => {
      await problems.trigger(request, facts, state);
      await breakFix?.trigger(request, facts, state);
    },
  });
  const base = { connection, prefix, logger, clock, xurrent, lockMs };
  const all = [
    startWorker(JOBS.requestEvent, createRequestEventProcessor({ queues, statusActors }), {
      ...base,
      concurrency: config.queue.concurrency,
    }),
    startWorker(JOBS.reconcileRequest, reconcile, { ...base, concurrency: config.queue.concurrency, callsXurrent: true }),
    startWorker(JOBS.slaTimer, createSlaTimerProcessor({ queues }), { ...base, concurrency: config.queue.concurrency }),
    ...problems.workers,
    ...(breakFix?.workers ?? []),
    ...resync.workers,
    createWebhookVerifyWorker({ connection, prefix, callbackDomains: config.webhooks.callbackDomains, fetch, logger }),
  ];
  return {
    all,
    isRunning: () => all.every((w) => w.isRunning()),
    start: () => resync.start(),
    close: async (force = false) => {
      await Promise.all(all.map((w) => w.close(force)));
      resync.stop();
      await queues.close();
      connection.disconnect();
    },
  };
}
