import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import type { UptimeStore } from '../availability/uptime-store.js';
import type { Logger } from '../logger.js';
import { topAwaitingResponseKey } from './observe-workflow.js';

export interface AlertGaugeDeps {
  registry: Registry;
  redis: Redis;
  prefix: string;
  uptime: Pick<UptimeStore, 'lastBeatMs'>;
  /** The heartbeat series to report (web, readiness, worker). */
  series: readonly string[];
  settings: {
    heartbeatIntervalMs: number;
    /** Xurrent budget left at which the limiter stops calling (XURRENT_REQUEST_RESERVE, XURRENT_COST_RESERVE). */
    requestReserve: number;
    costReserve: number;
    /** RESYNC_INTERVAL; null when the sweep is off. */
    sweepIntervalMs: number | null;
  };
  logger: Logger;
}

/**
 * What docs/prometheus-alerts.yml needs besides the queue, budget and webhook-health gauges: the
 * last heartbeat of each series (read from Redis at scrape), the open Top incidents nobody has
 * responded to, and the settings the rules compare with (so the rules follow the configuration
 * instead of repeating it). Web process only, like the other gauges read from Redis.
 */
export function registerAlertGauges({ registry, redis, prefix, uptime, series, settings, logger }: AlertGaugeDeps): void {
  const warn = (gauge: string, error: unknown) =>
    logger.warn('metrics gauge not collected', {
      component: 'metrics',
      gauge,
      error: error instanceof Error ? error.message : String(error),
    });
  new Gauge({
    name: 'xsw_heartbeat_last_timestamp_seconds',
    help: 'When a process last recorded a heartbeat of the series (web, readiness: /readyz answered, worker), Unix seconds',
    labelNames: ['series'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const name of series) {
          const lastMs = await uptime.lastBeatMs(name);
          if (lastMs !== null) this.set({ series: name }, lastMs / 1000);
        }
      } catch (error) {
        this.reset();
        warn('xsw_heartbeat_last_timestamp_seconds', error);
      }
    },
  });
  new Gauge({
    name: 'xsw_heartbeat_interval_seconds',
    help: 'How often heartbeats are recorded (HEALTH_SAMPLE_SECONDS)',
    registers: [registry],
  }).set(settings.heartbeatIntervalMs / 1000);
  const reserve = new Gauge({
    name: 'xsw_xurrent_budget_reserve',
    help: 'Budget left at which the service stops calling Xurrent until the hourly window resets (requests, cost points)',
    labelNames: ['budget'],
    registers: [registry],
  });
  reserve.set({ budget: 'requests' }, settings.requestReserve);
  reserve.set({ budget: 'cost' }, settings.costReserve);
  if (settings.sweepIntervalMs !== null) {
    new Gauge({
      name: 'xsw_resync_interval_seconds',
      help: 'How often the reconciliation sweep runs (RESYNC_INTERVAL); absent when it is off',
      registers: [registry],
    }).set(settings.sweepIntervalMs / 1000);
  }
  new Gauge({
    name: 'xsw_sla_top_incidents_awaiting_response',
    help: 'Open Top incidents on the SLA service (IV Integratiedienst) whose status shows no response yet',
    registers: [registry],
    async collect() {
      try {
        this.set(await redis.scard(topAwaitingResponseKey(prefix)));
      } catch (error) {
        warn('xsw_sla_top_incidents_awaiting_response', error);
      }
    },
  });
}
