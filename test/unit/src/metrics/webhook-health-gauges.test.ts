import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerWebhookHealthMetrics } from '../../../../src/metrics/webhook-health-gauges.js';
import type { ResyncStatus } from '../../../../src/resync/resync-state.js';
import { createLogCapture } from '../../../helpers/log-capture.js';
import { parsePrometheusText, sumOf } from '../../../helpers/prometheus-text.js';

function scrapeWith(read: () => Promise<ResyncStatus>) {
  const registry = new Registry();
  const log = createLogCapture();
  registerWebhookHealthMetrics({ registry, status: read, logger: log.logger });
  return { scrape: async () => parsePrometheusText(await registry.metrics()), log };
}

describe('webhook health metrics', () => {
  it('expose the sweep status as read at each scrape', async () => {
    let status: ResyncStatus = { lastSweepAtMs: null, lastSweepMissed: 0, missedTotal: 0, warning: null };
    const { scrape } = scrapeWith(async () => status);
    let samples = await scrape();
    expect(sumOf(samples, 'xsw_webhooks_missed_total')).toBe(0);
    expect(sumOf(samples, 'xsw_webhooks_warning')).toBe(0);
    expect(sumOf(samples, 'xsw_resync_last_sweep_timestamp_seconds')).toBe(0);

    status = { lastSweepAtMs: Date.parse('2026-01-12T09:05:00Z'), lastSweepMissed: 3, missedTotal: 7, warning: 'changes without webhooks' };
    samples = await scrape();
    expect(sumOf(samples, 'xsw_webhooks_missed_total')).toBe(7);
    expect(sumOf(samples, 'xsw_webhooks_warning')).toBe(1);
    expect(sumOf(samples, 'xsw_resync_last_sweep_timestamp_seconds')).toBe(Date.parse('2026-01-12T09:05:00Z') / 1000);
    // A later scrape shows the value then, not the sum of scrapes.
    samples = await scrape();
    expect(sumOf(samples, 'xsw_webhooks_missed_total')).toBe(7);
  });

  it('keep the last values read and log when Redis cannot be read', async () => {
    let up = true;
    const { scrape, log } = scrapeWith(async () =>
      up ? { lastSweepAtMs: 5_000, lastSweepMissed: 1, missedTotal: 4, warning: 'w' } : Promise.reject(new Error('redis down')),
    );
    await scrape();
    up = false;
    const samples = await scrape();
    expect(sumOf(samples, 'xsw_webhooks_missed_total')).toBe(4);
    expect(sumOf(samples, 'xsw_webhooks_warning')).toBe(1);
    expect(sumOf(samples, 'xsw_resync_last_sweep_timestamp_seconds')).toBe(5);
    expect(log.lines().filter((e) => e['message'] === 'metrics gauge not collected')).toHaveLength(3);
  });
});
