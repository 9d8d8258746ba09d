import { UnrecoverableError, Worker } from 'bullmq';
import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../src/domain/workflow/workflow-state.js';
import { observeWorkers } from '../../../src/metrics/observe-workers.js';
import { observeWorkflowStore, openClockKey, topAwaitingResponseKey } from '../../../src/metrics/observe-workflow.js';
import { createServiceMetrics } from '../../../src/metrics/service-metrics.js';
import { runShutdown } from '../../../src/runtime/shutdown.js';
import { startService } from '../../../src/runtime/service.js';
import type { WorkflowStore } from '../../../src/state/workflow-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { parsePrometheusText, sumOf } from '../../helpers/prometheus-text.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const prefixes: string[] = [];
const fresh = (label: string) => {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return prefix;
};
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
});

async function samplesOf(registry: Registry) {
  return parsePrometheusText(await registry.metrics());
}

describe('job outcomes from BullMQ worker events (real Redis)', () => {
  it('counts a retried attempt, a completion, and jobs past their retries or unrecoverable as failed', async () => {
    const prefix = fresh('jobs');
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = openQueues(connection, prefix).named('ops-test');
    const attempts = new Map<string, number>();
    const worker = new Worker(
      'ops-test',
      async (job) => {
        const n = (attempts.get(job.name) ?? 0) + 1;
        attempts.set(job.name, n);
        if (job.name === 'flaky' && n === 1) throw new Error('first try fails');
        if (job.name === 'doomed') throw new Error('always fails');
        if (job.name === 'unrecoverable') throw new UnrecoverableError('bad data');
        return { action: 'none' };
      },
      { connection, prefix, concurrency: 3 },
    );
    const registry = new Registry();
    observeWorkers([worker], createServiceMetrics(registry, { processMetrics: false }));
    const opts = { attempts: 2, backoff: { type: 'fixed', delay: 10 } };
    await queue.add('flaky', {}, opts);
    await queue.add('doomed', {}, opts);
    await queue.add('unrecoverable', {}, opts);
    await queue.add('fine', {}, opts);
    try {
      await waitFor(
        async () =>
          (await queue.getJobCounts('completed', 'failed')).failed === 2 && (await queue.getJobCounts('completed')).completed === 2,
        'jobs to settle',
      );
      const samples = await samplesOf(registry);
      // flaky: 1 retried + 1 completed; doomed: 1 retried + 1 failed (2 attempts); unrecoverable: 1 failed; fine: 1 completed.
      expect(sumOf(samples, 'xsw_jobs_total', { queue: 'ops-test', outcome: 'completed' })).toBe(2);
      expect(sumOf(samples, 'xsw_jobs_total', { queue: 'ops-test', outcome: 'retried' })).toBe(2);
      expect(sumOf(samples, 'xsw_jobs_total', { queue: 'ops-test', outcome: 'failed' })).toBe(2);
      expect(sumOf(samples, 'xsw_job_duration_seconds_count', { queue: 'ops-test' })).toBe(6);
      expect(sumOf(samples, 'xsw_problems_created_total')).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
  });
});

describe('SLA metrics from saved workflow state (real Redis)', () => {
  it('counts warnings and breaches once and keeps the open-clock sets in step', async () => {
    const prefix = fresh('clocks');
    const redis = new Redis(TEST_REDIS_URL);
    const saved = new Map<string, WorkflowState>();
    const base: WorkflowStore = {
      find: async (id) => saved.get(id) ?? null,
      load: async (id) => saved.get(id) ?? INITIAL_WORKFLOW_STATE,
      save: async (id, s) => void saved.set(id, s),
    };
    const registry = new Registry();
    const store = observeWorkflowStore(base, { redis, prefix, metrics: createServiceMetrics(registry, { processMetrics: false }) });
    const facts = (response: 'running' | 'paused' | 'breached' | 'met', resolution: 'running' | 'paused' | 'breached' | 'met') =>
      ({
        kind: 'incident',
        priority: 'top',
        priorityReason: 'impact',
        responseDueMs: 0,
        resolutionDueMs: 0,
        responseState: response,
        resolutionState: resolution,
        flags: [],
      }) as const;
    const step = async (id: string, next: Partial<WorkflowState>) => {
      const previous = await store.load(id);
      await store.save(id, { ...previous, ...next });
    };
    try {
      await step('r1', { facts: facts('running', 'running') });
      await step('r2', { facts: facts('running', 'paused') });
      expect(await redis.scard(openClockKey(prefix, 'response', 'running'))).toBe(2);
      expect((await redis.smembers(topAwaitingResponseKey(prefix))).sort()).toEqual(['r1', 'r2']);
      expect(await redis.scard(openClockKey(prefix, 'resolution', 'paused'))).toBe(1);

      await step('r1', { facts: facts('breached', 'running'), escalations: [{ key: 'w', level: 'warning', target: 'response', atMs: 1 }] });
      await step('r1', { facts: facts('breached', 'running') });
      await step('r2', { facts: facts('met', 'running') });
      expect(await redis.smembers(openClockKey(prefix, 'response', 'running'))).toEqual([]);
      expect((await redis.smembers(openClockKey(prefix, 'resolution', 'running'))).sort()).toEqual(['r1', 'r2']);
      expect(await redis.scard(openClockKey(prefix, 'resolution', 'paused'))).toBe(0);

      // r2's response is met; r1 is past its response target and its status (none yet: assigned) shows no response...
      expect(await redis.smembers(topAwaitingResponseKey(prefix))).toEqual(['r1']);
      // ...until someone takes it up.
      await step('r1', { observed: { status: 'in_progress', category: 'incident', priority: 'top', updatedAtMs: 2 } });
      expect(await redis.smembers(topAwaitingResponseKey(prefix))).toEqual([]);

      const samples = await samplesOf(registry);
      expect(sumOf(samples, 'xsw_sla_warnings_total', { priority: 'top', target: 'response' })).toBe(1);
      expect(sumOf(samples, 'xsw_sla_breaches_total', { priority: 'top', target: 'response' })).toBe(1);
      expect(sumOf(samples, 'xsw_sla_breaches_total')).toBe(1);
    } finally {
      redis.disconnect();
    }
  });

  it('writes the open-clock sets only for targets whose state changed, and every target when no state was stored', async () => {
    const prefix = fresh('clock-writes');
    const redis = new Redis(TEST_REDIS_URL);
    const saved = new Map<string, WorkflowState>();
    const base: WorkflowStore = {
      find: async (id) => saved.get(id) ?? null,
      load: async (id) => saved.get(id) ?? INITIAL_WORKFLOW_STATE,
      save: async (id, s) => void saved.set(id, s),
    };
    const store = observeWorkflowStore(base, { redis, prefix, metrics: createServiceMetrics(new Registry(), { processMetrics: false }) });
    const facts = (response: 'running' | 'paused', resolution: 'running' | 'paused') =>
      ({
        kind: 'incident',
        priority: 'low',
        priorityReason: 'impact',
        responseDueMs: 0,
        resolutionDueMs: 0,
        responseState: response,
        resolutionState: resolution,
        flags: [],
      }) as const;
    const step = async (next: Partial<WorkflowState>) => {
      const previous = (await store.find('r1')) ?? INITIAL_WORKFLOW_STATE;
      await store.save('r1', { ...previous, ...next });
    };
    const members = async () =>
      Object.fromEntries(
        await Promise.all(
          ['response', 'resolution'].flatMap((t) =>
            ['running', 'paused'].map(async (s) => [`${t}:${s}`, await redis.smembers(openClockKey(prefix, t, s))] as const),
          ),
        ),
      );
    try {
      await step({ facts: facts('running', 'running') });
      // Take r1 out behind the store's back: a reconcile that changes no clock state does not touch the sets...
      await redis.srem(openClockKey(prefix, 'response', 'running'), 'r1');
      await step({ facts: facts('running', 'running') });
      expect((await members())['response:running']).toEqual([]);
      // ...a change of one target rewrites that target only...
      await step({ facts: facts('paused', 'running') });
      expect(await members()).toEqual({
        'response:running': [],
        'response:paused': ['r1'],
        'resolution:running': ['r1'],
        'resolution:paused': [],
      });
      // ...and with the stored state lost, every target is written again.
      saved.clear();
      await redis.sadd(openClockKey(prefix, 'resolution', 'paused'), 'r1');
      await step({ facts: facts('paused', 'running') });
      expect(await members()).toEqual({
        'response:running': [],
        'response:paused': ['r1'],
        'resolution:running': ['r1'],
        'resolution:paused': [],
      });
    } finally {
      redis.disconnect();
    }
  });
});

describe('a worker-only process with METRICS_PORT', () => {
  it('serves its own /metrics behind the admin auth, without the cluster gauges of the web process', async () => {
    const prefix = fresh('worker-port');
    const token = 'worker-metrics-token-123456';
    const { logger } = createLogCapture('warn');
    const config = loadConfig({
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      ADMIN_TOKEN: token,
      XURRENT_SIMULATOR: 'off',
    });
    const service = await startService({ config, logger, roles: { web: false, worker: true } });
    try {
      expect(service.httpUrl).toBeUndefined();
      const url = `${service.metricsUrl}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('# TYPE xsw_jobs_total counter');
      expect(text).toContain('xsw_process_cpu_user_seconds_total');
      expect(text).not.toContain('xsw_queue_jobs');
    } finally {
      await runShutdown(service.shutdownSteps(), 10_000, logger);
    }
  });
});
