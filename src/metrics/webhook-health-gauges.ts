import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import type { ResyncStatus } from '../resync/resync-state.js';

export interface WebhookHealthMetricDeps {
  registry: Registry;
  /** The sweep's status hash in Redis (src/resync/resync-state.ts), read at scrape time. */
  status: () => Promise<ResyncStatus>;
  logger: Logger;
}

/**
 * Webhook health as the reconciliation sweep sees it, read from Redis at scrape time (web process
 * only, like the cluster gauges, so it counts once): changes the sweep found that no webhook
 * brought (a counter: it only grows while the status lives, 30 days after the last sweep), whether
 * the warning is raised (alert on `xsw_webhooks_warning == 1`), and when the last sweep ran (0
 * before the first). Each reads the one small hash (HGETALL). Unlabelled metrics always show a
 * value, so a failed read keeps the last value read (a counter dropping to 0 would look like a
 * reset) and is logged.
 */
export function registerWebhookHealthMetrics({ registry, status, logger }: WebhookHealthMetricDeps): void {
  const read = (name: string) =>
    status().catch((error: unknown) => {
      logger.warn('metrics gauge not collected', {
        component: 'metrics',
        gauge: name,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    });
  new Counter({
    name: 'xsw_webhooks_missed_total',
    help: 'Changes the reconciliation sweep found that no webhook brought (Xurrent may have disabled a webhook)',
    registers: [registry],
    async collect() {
      const s = await read('xsw_webhooks_missed_total');
      if (!s) return;
      this.reset();
      this.inc(s.missedTotal);
    },
  });
  new Gauge({
    name: 'xsw_webhooks_warning',
    help: '1 while the sweep warns that changes arrive without webhooks, else 0',
    registers: [registry],
    async collect() {
      const s = await read('xsw_webhooks_warning');
      if (s) this.set(s.warning === null ? 0 : 1);
    },
  });
  new Gauge({
    name: 'xsw_resync_last_sweep_timestamp_seconds',
    help: 'When the last reconciliation sweep finished (Unix seconds); 0 before the first',
    registers: [registry],
    async collect() {
      const s = await read('xsw_resync_last_sweep_timestamp_seconds');
      if (s) this.set((s.lastSweepAtMs ?? 0) / 1000);
    },
  });
}
