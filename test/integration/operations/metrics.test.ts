import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { parsePrometheusText, sumOf, type Sample } from '../../helpers/prometheus-text.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const TOKEN = 'metrics-test-token-0123456789';
const scenario = JSON.parse(readFileSync(new URL('../../scenarios/warning-breach-level-2.json', import.meta.url), 'utf8')) as {
  config: Record<string, string>;
};

describe('/metrics after an end-to-end run (scenario warning-breach-level-2)', () => {
  it('counts webhooks, jobs, Xurrent calls, SLA warnings and breaches, problems, and reads queue depths', async () => {
    let unauthenticated = 0;
    let samples: Sample[] = [];
    const report = await runScenario(
      { ...scenario, config: { ...scenario.config, ADMIN_TOKEN: TOKEN } },
      {
        redisUrl: TEST_REDIS_URL,
        logger: createLogCapture('warn').logger,
        inspect: async ({ httpUrl }) => {
          unauthenticated = (await fetch(`${httpUrl}/metrics`)).status;
          const res = await fetch(`${httpUrl}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toContain('text/plain');
          samples = parsePrometheusText(await res.text());
        },
      },
    );
    expect(unauthenticated).toBe(401);

    // One Top incident left open from Friday 15:00Z to Monday 13:30Z (see the scenario's expected
    // report): a warning at 75 % of each target (15:45Z Fri, 08:00Z Mon), each target breached once
    // (16:00Z Fri, 09:00Z Mon), and one problem (reason top_incident).
    expect(sumOf(samples, 'xsw_sla_warnings_total', { priority: 'top', target: 'response' })).toBe(1);
    expect(sumOf(samples, 'xsw_sla_warnings_total', { priority: 'top', target: 'resolution' })).toBe(1);
    expect(sumOf(samples, 'xsw_sla_warnings_total')).toBe(2);
    expect(sumOf(samples, 'xsw_sla_breaches_total', { priority: 'top', target: 'response' })).toBe(1);
    expect(sumOf(samples, 'xsw_sla_breaches_total', { priority: 'top', target: 'resolution' })).toBe(1);
    expect(sumOf(samples, 'xsw_sla_breaches_total')).toBe(2);
    expect(sumOf(samples, 'xsw_problems_created_total')).toBe(1);
    // Both targets are breached, so no clock is open within target.
    expect(sumOf(samples, 'xsw_sla_open_clocks')).toBe(0);

    // Every GraphQL call the simulator logged was counted by the client, once, and all succeeded.
    expect(sumOf(samples, 'xsw_xurrent_calls_total')).toBe(report.xurrentCalls);
    expect(sumOf(samples, 'xsw_xurrent_calls_total', { outcome: 'ok' })).toBe(report.xurrentCalls);
    expect(sumOf(samples, 'xsw_xurrent_calls_total', { operation: 'ProblemCreate', outcome: 'ok' })).toBe(1);

    // The customer's create arrives once as request.create; every queued delivery became one event job.
    expect(sumOf(samples, 'xsw_webhook_deliveries_total', { outcome: 'queued', status: '202', event: 'request.create' })).toBe(1);
    const queued = sumOf(samples, 'xsw_webhook_deliveries_total', { outcome: 'queued' });
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(sumOf(samples, 'xsw_jobs_total', { queue: QUEUE_NAMES.events, outcome: 'completed' })).toBe(queued);
    expect(sumOf(samples, 'xsw_jobs_total', { outcome: 'failed' })).toBe(0);
    expect(sumOf(samples, 'xsw_jobs_total', { queue: QUEUE_NAMES.problems, outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    const reconciles = sumOf(samples, 'xsw_jobs_total', { queue: QUEUE_NAMES.requests, outcome: 'completed' });
    expect(sumOf(samples, 'xsw_job_duration_seconds_count', { queue: QUEUE_NAMES.requests, outcome: 'completed' })).toBe(reconciles);

    // Queue depths from Redis: nothing waiting or failed; the problem's two RCA timers (warning, due) still delayed.
    expect(sumOf(samples, 'xsw_queue_jobs', { state: 'waiting' })).toBe(0);
    expect(sumOf(samples, 'xsw_queue_jobs', { state: 'failed' })).toBe(0);
    expect(sumOf(samples, 'xsw_queue_jobs', { queue: QUEUE_NAMES.rcaFollowUp, state: 'delayed' })).toBe(2);
    // Webhook health from the sweep's status in Redis (the scenario runs no sweep: RESYNC_INTERVAL=off).
    expect(samples.filter((s) => s.name === 'xsw_webhooks_missed_total')).toEqual([
      { name: 'xsw_webhooks_missed_total', labels: {}, value: 0 },
    ]);
    expect(sumOf(samples, 'xsw_webhooks_warning')).toBe(0);
    // The simulator reports its hourly budget on every answer; the limiter stored what was left.
    expect(sumOf(samples, 'xsw_xurrent_budget_remaining', { budget: 'requests' })).toBeGreaterThan(0);
    // What docs/prometheus-alerts.yml compares with: the reserves (defaults), the heartbeat interval, and
    // the Top incident left without a response (assigned from Friday to Monday).
    expect(sumOf(samples, 'xsw_xurrent_budget_reserve', { budget: 'requests' })).toBe(10);
    expect(sumOf(samples, 'xsw_xurrent_budget_reserve', { budget: 'cost' })).toBe(100);
    expect(sumOf(samples, 'xsw_heartbeat_interval_seconds')).toBe(30);
    expect(sumOf(samples, 'xsw_sla_top_incidents_awaiting_response')).toBe(1);
  }, 60_000);
});
