import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import express, { type Router } from 'express';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { systemClock } from '../clock.js';
import { createAdminRouter } from '../http/admin-router.js';
import { createMemoryLoginThrottle, withFallback } from '../http/login-throttle.js';
import { createRedisLoginThrottle } from '../http/login-throttle-redis.js';
import { createMetricsRoute } from '../http/metrics-route.js';
import { createQueueBoardRoute } from '../http/queue-board.js';
import type { Logger } from '../logger.js';
import { AVAILABILITY_SERIES } from '../availability/read-availability.js';
import { createUptimeStore } from '../availability/uptime-store.js';
import { registerAlertGauges } from '../metrics/alert-gauges.js';
import { registerClusterGauges } from '../metrics/cluster-gauges.js';
import { createServiceMetrics } from '../metrics/service-metrics.js';
import { registerWebhookHealthMetrics } from '../metrics/webhook-health-gauges.js';
import { createResyncState } from '../resync/resync-state.js';
import { QUEUE_NAMES } from '../queue/names.js';
import { openQueues } from '../queue/jobs.js';
import { limiterBudgetKey } from '../xurrent/limiter.js';
import { createHttpServer } from './http-server.js';

export interface OperationsDeps {
  config: Readonly<Config>;
  logger: Logger;
  /** The producer connection (fail-fast): scrapes and admin views must not hang on a dead Redis. */
  redis: Redis;
}

/**
 * The operator side of one process: its own metric registry (no global default), handles on
 * every queue, and the admin router carrying /metrics and the pages other features pass in.
 */
export function createOperations({ config, logger, redis }: OperationsDeps) {
  const registry = new Registry();
  const metrics = createServiceMetrics(registry);
  const queues = openQueues(redis, config.queue.prefix);
  // In Redis, not in memory: several web processes (and worker processes serving /metrics) share
  // one count per address, which a restart does not reset; this process's own while Redis fails.
  const settings = config.operations.loginThrottle;
  const throttle = withFallback(createRedisLoginThrottle(redis, config.queue.prefix, settings), createMemoryLoginThrottle(settings, systemClock), logger);
  const adminRouter = (routes: readonly Router[] = []) =>
    createAdminRouter({ credentials: config.operations.admin, throttle, logger, routes: [createMetricsRoute(registry), ...routes] });
  /** The web process's admin surface: /metrics, Bull Board, and the pages other features pass in. */
  // Break-fix in supplier mode has no forward or follow-up work: their queues have no worker, and Bull
  // Board would show them as "No workers". They reappear with XURRENT_ESCALATION_MODE=request.
  const unused = config.breakFix.mode === 'supplier' ? [QUEUE_NAMES.xurrentForward, QUEUE_NAMES.xurrentFollowUp] : [];
  const webAdminRouter = (routes: readonly Router[] = []) => adminRouter([createQueueBoardRoute(queues, { hidden: unused }), ...routes]);
  return {
    registry,
    metrics,
    queues,
    adminRouter,
    webAdminRouter,
    /** Queue depths, budgets, open clocks and webhook health from Redis: only the web process registers them (counted once). */
    registerClusterGauges(limiterKey: string | undefined) {
      const budgetKey = limiterKey === undefined ? undefined : limiterBudgetKey(config.queue.prefix, limiterKey);
      registerClusterGauges({ registry, redis, prefix: config.queue.prefix, queues, budgetKey, logger });
      const resync = createResyncState(redis, config.queue.prefix);
      registerWebhookHealthMetrics({ registry, status: () => resync.status(), logger });
      registerAlertGauges({
        registry, redis, prefix: config.queue.prefix, logger,
        uptime: createUptimeStore(redis, config.queue.prefix, config.reports.retentionDays),
        series: AVAILABILITY_SERIES,
        settings: {
          heartbeatIntervalMs: config.operations.healthSampleSeconds * 1000,
          requestReserve: config.xurrentLimits.requestReserve,
          costReserve: config.xurrentLimits.costReserve,
          sweepIntervalMs: config.resync.intervalMs,
        },
      });
    },
    /** A worker-only process serves its own /metrics on `METRICS_PORT` (same admin auth), when set. */
    async startMetricsServer(): Promise<Server | undefined> {
      const port = config.operations.metricsPort;
      if (port === undefined) return undefined;
      const app = express();
      app.disable('x-powered-by');
      app.set('trust proxy', config.http.trustProxy);
      app.use(adminRouter());
      const server = createHttpServer(app, config.http.limits, logger);
      server.listen(port, config.http.host);
      await once(server, 'listening');
      logger.info('metrics listening', { component: 'metrics', port: (server.address() as AddressInfo).port });
      return server;
    },
    close: () => queues.close(),
  };
}
export type Operations = ReturnType<typeof createOperations>;
