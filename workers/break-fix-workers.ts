import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { createFollowUpTimers } from '../src/queue/follow-up-timers.js';
import { JOBS, type OpenQueues } from '../src/queue/jobs.js';
import { createKeyedLocks } from '../src/redis/request-lock.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { createBreakFixTrigger } from './break-fix-trigger.js';
import { createFollowUpProcessor } from './follow-up-xurrent.js';
import { createForwardProcessor } from './forward-to-xurrent.js';
import { startWorker } from './start-worker.js';

export interface BreakFixWorkersDeps {
  config: Pick<Config, 'queue'> & { breakFix: Config['breakFix'] };
  connection: Redis;
  queues: OpenQueues;
  xurrent: XurrentClient;
  /** The client of the account that reaches Xurrent's support, and this service's own account name. */
  support: { client: XurrentClient; customerAccount: string };
  clock: Clock;
  logger: Logger;
}

/**
 * Break-fix in request mode: the forward queue (register the linked request at Xurrent) and the
 * follow-up polls, plus the trigger the reconcile calls. Only wired when XURRENT_ESCALATION_MODE=request.
 */
export function createBreakFixWorkers({ config, connection, queues, xurrent, support, clock, logger }: BreakFixWorkersDeps) {
  const prefix = config.queue.prefix;
  const { breakFix } = config;
  const followUps = createFollowUpTimers({ queues, redis: connection, prefix, clock });
  const policy = {
    customerAccount: support.customerAccount,
    supportAccount: breakFix.supportAccount ?? '',
    supportServiceInstanceId: breakFix.supportServiceInstanceId,
    followUpIntervalMs: breakFix.followUpIntervalMs,
  };
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
  // Short expiry with a heartbeat: a killed worker frees its locks as soon as its jobs come back.
  const workers: Worker[] = [
    startWorker(
      JOBS.forwardToXurrent,
      createForwardProcessor({
        support: support.client,
        locks: createKeyedLocks(connection, { prefix, ttlMs: config.queue.lockMs, heartbeat: true }),
        followUps,
        policy,
      }),
      base,
    ),
    startWorker(
      JOBS.followUpXurrent,
      createFollowUpProcessor({ support: support.client, followUps, intervalMs: breakFix.followUpIntervalMs }),
      base,
    ),
  ];
  return {
    trigger: createBreakFixTrigger({ queues, followUps, intervalMs: breakFix.followUpIntervalMs, clock }),
    workers,
  };
}
