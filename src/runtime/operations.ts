import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { systemClock } from '../clock.js';
import { createMemoryLoginThrottle, withFallback } from '../http/login-throttle.js';
import { createRedisLoginThrottle } from '../http/login-throttle-redis.js';
import type { Logger } from '../logger.js';
import { AVAILABILITY_SERIES } from '../availability/read-availability.js';
import { createUptimeStore } from '../availability/uptime-store.js';
import { registerAlertGauges } from '../metrics/alert-gauges.js';
import { registerClusterGauges } from '../metrics/cluster-gauges.js';
import { createServiceMetrics } from '../metrics/service-metrics.js';
import { registerWebhookHealthMetrics } from '../metrics/webhook-health-gauges.js';
import { createResyncState } from '../resync/resync-state.js';
import { openQueues } from '../queue/jobs.js';
import { limiterBudgetKey } from '../xurrent/limiter.js';

export interface OperationsDeps {
  config: Readonly<Config>;
  logger: Logger;
  /** The producer connection (fail-fast): scrapes and admin views must not hang on a dead Redis. */
  redis: Redis;
}

/**
 * The operator side of one process: its own metric registry (no global default), handles on
 * every queue, and the admin login throttle; src/http/admin-surface.ts serves them over HTTP.
 */
export function createOperations({ config, logger, redis }: OperationsDeps) {
  const registry = new Registry();
  const metrics = createServiceMetrics(registry);
  const queues = openQueues(redis, config.queue.prefix);
  // In Redis, not in memory: several web processes (and worker processes serving /metrics) share
  // one count per address, which a restart does not reset; this process's own while Redis fails.
  const settings = config.operations.loginThrottle;
  const throttle = withFallback(
    createRedisLoginThrottle(redis, config.queue.prefix, settings),
    createMemoryLoginThrottle(settings, systemClock),
    logger,
  );
  return {
    registry,
    metrics,
    queues,
    throttle,
    /** Queue depths, budgets, open clocks and webhook health from Redis: only the web process registers them (counted once). */
    registerClusterGauges(limiterKey: string | undefined) {
      const budgetKey = limiterKey === undefined ? undefined : limiterBudgetKey(config.queue.prefix, limiterKey);
      registerClusterGauges({ registry, redis, prefix: config.queue.prefix, queues, budgetKey, logger });
      const resync = createResyncState(redis, config.queue.prefix);
      registerWebhookHealthMetrics({ registry, status: () => resync.status(), logger });
      registerAlertGauges({
        registry,
        redis,
        prefix: config.queue.prefix,
        logger,
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
    close: () => queues.close(),
  };
}
export type Operations = ReturnType<typeof createOperations>;

/** What the admin surface needs from this process, the web process's pages aside. */
export function adminOf(config: Readonly<Config>, operations: Operations) {
  return { credentials: config.operations.admin, throttle: operations.throttle, registry: operations.registry };
}
