import { Counter, Histogram, collectDefaultMetrics, type Registry } from 'prom-client';
import type { XurrentCallOutcome } from '../xurrent/client.js';

export type JobOutcome = 'completed' | 'retried' | 'failed';

/** The counters this process increments; cluster-wide gauges read from Redis live in `cluster-gauges.ts`. */
export interface ServiceMetrics {
  registry: Registry;
  webhook(outcome: string, status: number, event: string | undefined): void;
  job(queue: string, outcome: JobOutcome, durationMs: number | undefined): void;
  xurrentCall(operation: string, outcome: XurrentCallOutcome, durationMs: number): void;
  slaWarning(priority: string, target: string): void;
  slaBreach(priority: string, target: string): void;
  problemCreated(): void;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Registers the service's counters on `registry` (made by the composition root: no global default
 * registry, so two services in one process, as in tests, never share counts).
 */
export function createServiceMetrics(registry: Registry, options: { processMetrics?: boolean } = {}): ServiceMetrics {
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'xsw_' });
  const webhooks = new Counter({
    name: 'xsw_webhook_deliveries_total',
    help: 'Webhook deliveries by outcome, HTTP status and event name',
    labelNames: ['outcome', 'status', 'event'],
    registers,
  });
  const jobs = new Counter({
    name: 'xsw_jobs_total',
    help: 'Job attempts that ended in this process, by queue and outcome (retried: failed, will retry; failed: past its retries)',
    labelNames: ['queue', 'outcome'],
    registers,
  });
  const jobSeconds = new Histogram({
    name: 'xsw_job_duration_seconds',
    help: 'Processing time of job attempts, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const calls = new Counter({
    name: 'xsw_xurrent_calls_total',
    help: 'GraphQL calls to Xurrent by operation and outcome',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const callSeconds = new Histogram({
    name: 'xsw_xurrent_call_duration_seconds',
    help: 'Duration of GraphQL calls to Xurrent (including limiter waits)',
    labelNames: ['operation'],
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const warnings = new Counter({
    name: 'xsw_sla_warnings_total',
    help: 'SLA warnings given, by priority and target',
    labelNames: ['priority', 'target'],
    registers,
  });
  const breaches = new Counter({
    name: 'xsw_sla_breaches_total',
    help: 'SLA targets that became breached, by priority and target',
    labelNames: ['priority', 'target'],
    registers,
  });
  const problems = new Counter({ name: 'xsw_problems_created_total', help: 'Problems the worker opened in Xurrent', registers });
  return {
    registry,
    webhook: (outcome, status, event) => webhooks.inc({ outcome, status: String(status), event: event ?? 'none' }),
    job(queue, outcome, durationMs) {
      jobs.inc({ queue, outcome });
      if (durationMs !== undefined && durationMs >= 0) jobSeconds.observe({ queue, outcome }, durationMs / 1000);
    },
    xurrentCall(operation, outcome, durationMs) {
      calls.inc({ operation, outcome });
      callSeconds.observe({ operation }, durationMs / 1000);
    },
    slaWarning: (priority, target) => warnings.inc({ priority, target }),
    slaBreach: (priority, target) => breaches.inc({ priority, target }),
    problemCreated: () => problems.inc(),
  };
}
