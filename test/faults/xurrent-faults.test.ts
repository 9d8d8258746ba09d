/**
 * Xurrent misbehaving (issue 9, fault injection): the real pipeline (signed webhooks, receiver,
 * BullMQ on Redis, workers, the client with its Redis limiter) against the simulator while it
 * answers 429 with and without Retry-After, 500s, calls that time out, 2 s responses and an
 * outage of every call. Each batch of requests must end exactly as the undisturbed batch did,
 * with no failed job, and no 2 s window may see more than 20 calls of the token.
 *
 * The workflow and the simulator's records run on a virtual clock held at one instant, so every
 * batch is "created" at the same moment and its report is comparable field for field; retries,
 * backoff, Retry-After and the limiter run on real time, so the faults are CI-sized: FAULT_XURRENT_OUTAGE_MS sets the outage
 * (4 s here; `npm run soak` runs the full ten minutes), the client times out after 2 s, a 429 without
 * Retry-After pauses 1.5 s (60 s in production).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/probe.js';
import { createManualClock } from '../../src/clock.js';
import { collectReport } from '../../src/scenario/collect-report.js';
import type { ScenarioReport } from '../../src/scenario/report.js';
import { startPipeline, type Pipeline } from '../../src/scenario/start-pipeline.js';
import { maxCallsInWindow, type SimCall } from '../../src/simulator/call-log.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { uniquePrefix } from '../helpers/redis.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { createBatch, failedJobs, IMPACTS, PER_IMPACT, settle, statuses } from './xurrent-batches.js';

const OUTAGE_MS = Number(process.env['FAULT_XURRENT_OUTAGE_MS'] ?? 4_000);
/** The client's timeout, and the pause after a 429 without Retry-After (XURRENT_DEFAULT_RETRY_AFTER_MS). */
const TIMEOUT_MS = 2_000;
const DEFAULT_RETRY_AFTER_MS = 1_500;
/** The last retry of a job that failed at the outage's start comes at most 1 022 s later (retry-budget.ts). */
const SETTLE_AFTER_OUTAGE_MS = Math.min(OUTAGE_MS * 2 + 10_000, 1_100_000);
const VIRTUAL_NOW = Date.parse('2026-03-25T09:00:00Z');

const prefix = uniquePrefix('faults-xurrent');
const { logger, lines } = createLogCapture('warn');
let redis: RedisServer;
let redisDir: string;
let pipeline: Pipeline;
let baseline: ScenarioReport;
const refs = new Map<string, string>();

beforeAll(async () => {
  // Redis of its own, on its own port, with append-only persistence (as in production).
  redisDir = await mkdtemp(join(tmpdir(), 'xsw-faults-'));
  redis = await startRedisServer(await findFreePort(), redisDir);
  const clock = createManualClock(VIRTUAL_NOW);
  pipeline = await startPipeline({
    // Timeouts: a 1 s answer is slow but in time, a 2.5 s hang is not. No Retry-After: wait 1.5 s (60 s in production).
    // Resolution from registration, so the reference shows both due instants.
    config: {
      COMPLETENESS_RULES: 'none',
      RESOLUTION_CLOCK_START: 'created',
      XURRENT_TIMEOUT_MS: String(TIMEOUT_MS),
      XURRENT_DEFAULT_RETRY_AFTER_MS: String(DEFAULT_RETRY_AFTER_MS),
    },
    clock,
    redisUrl: redis.url,
    prefix,
    logger,
    // Xurrent's burst limit as it is (20 per 2 s); hourly budgets out of the way of a long soak.
    simulatorBudgets: { hourlyRequests: 1_000_000, hourlyCost: 100_000_000 },
  });
}, 30_000);

afterAll(async () => {
  await pipeline?.close();
  await redis?.stop();
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
}, 30_000);

/** Runs a batch under a fault and checks it ends as the undisturbed batch did. */
async function runBatch(label: string, settleMs: number): Promise<{ calls: SimCall[]; report: ScenarioReport }> {
  const from = pipeline.sim.calls.length;
  const batch = createBatch(pipeline, refs, label);
  await settle(pipeline, settleMs);
  const { sim, workflowStore } = pipeline;
  const report = await collectReport({ sim, store: workflowStore, refs: new Map(batch.map((ref) => [ref, refs.get(ref) as string])) });
  for (const ref of batch) {
    const impact = ref.split('-')[1] as string;
    expect(report.requests[ref], ref).toEqual(baseline.requests[`baseline-${impact}-0`]);
  }
  expect(await failedJobs(pipeline)).toBe(0);
  const calls = sim.calls.slice(from);
  expect(maxCallsInWindow(calls, 2_000)).toBeLessThanOrEqual(20);
  return { calls, report };
}

const figures: string[] = [];
const note = (line: string) => figures.push(line);

describe('Xurrent misbehaving: everything converges, within the burst limit, no job lost', () => {
  it('undisturbed batch (the reference)', async () => {
    const started = Date.now();
    const from = pipeline.sim.calls.length;
    const batch = createBatch(pipeline, refs, 'baseline');
    await settle(pipeline, 20_000);
    const { sim, workflowStore } = pipeline;
    baseline = await collectReport({ sim, store: workflowStore, refs: new Map(batch.map((ref) => [ref, refs.get(ref) as string])) });
    // Hand-checked: from Wed 25 March 2026 10:00 CET, Mon–Fri 08:30–17:30 (9 h a day). Low response 18 h =
    // Wed 7.5 + Thu 9 + Fri 1.5 → Fri 10:00 CET (09:00Z); High 9 h = Wed 7.5 + Thu 1.5 → Thu 09:00Z, 18 h → Fri 09:00Z.
    expect(baseline.requests['baseline-low-0']).toMatchObject({ priority: 'low', responseDue: '2026-03-27T09:00:00Z', notes: 1 });
    expect(baseline.requests['baseline-high-0']).toMatchObject({
      priority: 'high',
      responseDue: '2026-03-26T09:00:00Z',
      resolutionDue: '2026-03-27T09:00:00Z',
      notes: 1,
    });
    for (const ref of batch) expect(baseline.requests[ref]).toEqual(baseline.requests[`baseline-${ref.split('-')[1]}-0`]);
    const calls = sim.calls.slice(from);
    expect(statuses(calls)).toEqual({ 200: calls.length });
    expect(maxCallsInWindow(calls, 2_000)).toBeLessThanOrEqual(20);
    note(`undisturbed: ${calls.length} calls, ${Date.now() - started} ms, busiest 2 s window ${maxCallsInWindow(calls, 2_000)}`);
  }, 30_000);

  it('429 with Retry-After: 1 (three in a row)', async () => {
    const started = Date.now();
    pipeline.sim.faults.failNext(429, { count: 3, retryAfter: '1' });
    const { calls } = await runBatch('ra429', 20_000);
    expect(statuses(calls)[429]).toBe(3);
    note(`429 with Retry-After 1 ×3: ${calls.length} calls, ${Date.now() - started} ms`);
  }, 30_000);

  it('429 without Retry-After (two in a row): the queue pauses XURRENT_DEFAULT_RETRY_AFTER_MS', async () => {
    const started = Date.now();
    pipeline.sim.faults.failNext(429, { count: 2 });
    const { calls } = await runBatch('plain429', 25_000);
    expect(statuses(calls)[429]).toBe(2);
    const firstRefused = calls.find((c) => c.status === 429)?.at ?? 0;
    // Calls already on the wire when the 429 came back still land just after it (seen: 13 ms later on a
    // loaded machine); without the pause the next ones would follow within a few ms, so a call landing
    // past IN_FLIGHT_MS but before the pause ends still fails the test.
    const IN_FLIGHT_MS = 250;
    const nextCall = calls.find((c) => c.at > firstRefused + IN_FLIGHT_MS && c.status === 200)?.at ?? 0;
    // The pause is for every process and every job of the queue (1.5 s configured here).
    expect(nextCall - firstRefused).toBeGreaterThanOrEqual(DEFAULT_RETRY_AFTER_MS - 100);
    note(
      `429 without Retry-After ×2: ${calls.length} calls, ${Date.now() - started} ms, next call ${nextCall - firstRefused} ms after the first 429`,
    );
  }, 35_000);

  it('500s (four in a row) are retried with backoff', async () => {
    const started = Date.now();
    pipeline.sim.faults.failNext(500, { count: 4 });
    const { calls } = await runBatch('http500', 25_000);
    expect(statuses(calls)[500]).toBe(4);
    note(`500 ×4: ${calls.length} calls, ${Date.now() - started} ms`);
  }, 35_000);

  it('calls that time out (3 hangs of 2.5 s, timeout 2 s) are retried, and the late writes are not repeated', async () => {
    const started = Date.now();
    pipeline.sim.faults.hangNext(TIMEOUT_MS + 500, 3);
    const { calls } = await runBatch('timeout', 30_000);
    expect(lines().filter((l) => typeof l['error'] === 'string' && l['error'].includes('timed out')).length).toBeGreaterThanOrEqual(3);
    note(`timeouts ×3: ${calls.length} calls, ${Date.now() - started} ms`);
  }, 40_000);

  it('slow responses (every call 1 s, half the timeout)', async () => {
    const started = Date.now();
    pipeline.sim.faults.setLatency(TIMEOUT_MS / 2);
    try {
      const { calls } = await runBatch('slow', 45_000);
      expect(statuses(calls)).toEqual({ 200: calls.length });
      note(
        `${TIMEOUT_MS / 2} ms responses: ${calls.length} calls, ${Date.now() - started} ms, busiest 2 s window ${maxCallsInWindow(calls, 2_000)}`,
      );
    } finally {
      pipeline.sim.faults.setLatency(0);
    }
  }, 55_000);

  it(
    `an outage of every call (500) for ${OUTAGE_MS / 1000} s: jobs back off and finish after it`,
    async () => {
      const started = Date.now();
      pipeline.sim.faults.outage.start(OUTAGE_MS, { status: 500 });
      const { calls } = await runBatch('outage500', OUTAGE_MS + SETTLE_AFTER_OUTAGE_MS);
      const after = calls.filter((c) => c.at >= pipeline.sim.faults.outage.untilMs);
      expect(statuses(calls)[500]).toBeGreaterThanOrEqual(IMPACTS.length * PER_IMPACT);
      expect(after.length).toBeGreaterThan(0);
      note(
        `outage 500 for ${OUTAGE_MS} ms: ${calls.length} calls (${statuses(calls)[500]} refused), converged ${Date.now() - pipeline.sim.faults.outage.untilMs} ms after it, ${Date.now() - started} ms in all`,
      );
    },
    OUTAGE_MS + SETTLE_AFTER_OUTAGE_MS + 20_000,
  );

  it(
    `an outage of every call (503, Retry-After: 1) for ${OUTAGE_MS / 1000} s: the queue pauses, no attempt spent`,
    async () => {
      const started = Date.now();
      pipeline.sim.faults.outage.start(OUTAGE_MS, { status: 503, retryAfter: '1' });
      const { calls } = await runBatch('outage503', OUTAGE_MS + 30_000);
      const refused = statuses(calls)[503] ?? 0;
      expect(refused).toBeGreaterThan(0);
      // One throttled start per pause of at least 2 s, not one per Retry-After second per job.
      expect(refused).toBeLessThanOrEqual(Math.ceil(OUTAGE_MS / 2_000) * 5 + 5);
      note(
        `outage 503 Retry-After 1 for ${OUTAGE_MS} ms: ${calls.length} calls (${refused} refused), converged ${Date.now() - pipeline.sim.faults.outage.untilMs} ms after it, ${Date.now() - started} ms in all`,
      );
    },
    OUTAGE_MS + 50_000,
  );

  it('over the whole run: never more than 20 calls of the token in any 2 s window', () => {
    const calls = pipeline.sim.calls.filter((c) => c.kind !== 'oauth');
    const busiest = maxCallsInWindow(calls, 2_000);
    expect(busiest).toBeLessThanOrEqual(20);
    note(`whole run: ${calls.length} calls, busiest 2 s window ${busiest}; statuses ${JSON.stringify(statuses(calls))}`);
    process.stdout.write(`xurrent faults:\n  ${figures.join('\n  ')}\n`);
  });
});
