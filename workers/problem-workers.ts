import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { ReportStore } from '../src/reports/report-store.js';
import { JOBS, type OpenQueues } from '../src/queue/jobs.js';
import { createRcaTimers } from '../src/queue/rca-timers.js';
import { createKeyedLocks } from '../src/redis/request-lock.js';
import { createWorkflowStore } from '../src/state/workflow-store.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { createManageProblemProcessor } from './manage-problem.js';
import { createProblemEventProcessor } from './problem-event.js';
import { createProblemPolicy } from './problem-policy.js';
import { createProblemTrigger } from './problem-trigger.js';
import { createRcaFollowUpProcessor } from './rca-follow-up.js';
import { startWorker } from './start-worker.js';

export interface ProblemWorkersDeps {
  config: Pick<Config, 'queue' | 'sla' | 'workflow' | 'problems'>;
  connection: Redis;
  queues: OpenQueues;
  xurrent: XurrentClient;
  clock: Clock;
  logger: Logger;
  reports?: Pick<ReportStore, 'saveProblem' | 'markProblemSolved' | 'markProblemRca'>;
  /** Queues a reconcile of a request (the linked incidents, when a problem shows their root cause). */
  reconcile?: (requestNodeId: string, reason: string) => Promise<void>;
}

/**
 * Problem management's workers: the check after each reconcile (`trigger`), RCA
 * follow-up timers, and problem webhook events. Kept apart from the request workflow's wiring.
 */
export function createProblemWorkers({ config, connection, queues, xurrent, clock, logger, reports, reconcile }: ProblemWorkersDeps) {
  const prefix = config.queue.prefix;
  const policy = createProblemPolicy(config);
  // Short expiry with a heartbeat: a killed worker frees its locks as soon as its jobs come back.
  const locks = createKeyedLocks(connection, { prefix, ttlMs: config.queue.lockMs, heartbeat: true });
  const rcaTimers = createRcaTimers({ queues, clock });
  const store = createWorkflowStore(connection, prefix, logger);
  const base = {
    connection,
    prefix,
    logger,
    clock,
    xurrent,
    concurrency: config.queue.concurrency,
    lockMs: config.queue.lockMs,
    callsXurrent: true,
  };
  const workers: Worker[] = [
    startWorker(
      JOBS.manageProblem,
      createManageProblemProcessor({ store, locks, rcaTimers, policy, ...(reports ? { reports } : {}) }),
      base,
    ),
    startWorker(
      JOBS.problemEvent,
      createProblemEventProcessor({
        locks,
        rcaTimers,
        rca: policy.rca,
        format: policy.write.format,
        ...(reports ? { reports } : {}),
        ...(reconcile
          ? {
              reconcileLinked: async (ids: readonly string[]) => {
                for (const id of ids) await reconcile(id, 'problem.root-cause');
              },
            }
          : {}),
      }),
      base,
    ),
    // `locks` share the reconcile's key space, so `requestLocks` takes the very lock a reconcile holds.
    startWorker(JOBS.rcaFollowUp, createRcaFollowUpProcessor({ timers: rcaTimers, store, requestLocks: locks, policy: policy.rca }), base),
  ];
  return {
    /** For the reconcile worker's `onReconciled`: queues a check for incidents that could need a problem. */
    trigger: createProblemTrigger({ queues, redis: connection, prefix, impacts: config.problems.impacts }),
    workers,
  };
}
