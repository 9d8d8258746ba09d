/**
 * Scale: SCALE_REQUESTS open requests (each with its saved workflow state and one pending wake-up
 * timer) in Redis and in the simulator, under SCALE_WORKERS real worker processes with the
 * reconciliation sweep on, while customer notes arrive at the token's sustained rate (Xurrent allows
 * 3 600 calls an hour: about 1 a second) and wake-ups fall due. On 2 cores this measures cost per open
 * request, not the ceiling. Baseline in the same run: the same world with SCALE_BASELINE_REQUESTS
 * open requests; the ratios say how each figure grows with the number of open requests.
 * Run: npm run bench -- scale   (small: 2 000 requests, 1 note and 1 wake-up a second, sweep every 10 s)
 *      npm run bench:scale   (100 000 requests, 0.25 notes and 0.2 wake-ups a second: Xurrent's cost budget, sweep every minute)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../src/redis/probe.js';
import { durationMillis } from '../../src/domain/resync/duration.js';
import { startRedisServer } from '../helpers/redis-server.js';
import { printBenchSummary } from './bench-summary.js';
import { perHour, spreadOf } from './scale-stats.js';
import { runScaleWorld, type ScaleRun, type ScaleSettings } from './scale-world.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = (size: number): ScaleSettings => ({
  size,
  workers: knob('SCALE_WORKERS', 4),
  windowMs: knob('SCALE_WINDOW_S', 30) * 1_000,
  eventsPerSecond: knob('SCALE_EVENTS_PER_SECOND', 1),
  timersPerSecond: knob('SCALE_TIMERS_PER_SECOND', 1),
  sweepInterval: process.env['SCALE_SWEEP_INTERVAL'] ?? 'PT10S',
});
const SIZE = knob('SCALE_REQUESTS', 2_000);
const BASELINE = knob('SCALE_BASELINE_REQUESTS', 200);
/** Xurrent's hourly budgets per token (API-NOTES §2). */
const BUDGET = { calls: 3_600, cost: 5_000 };
const log = (line: string) => process.stdout.write(`${line}\n`);

function figures(run: ScaleRun, size: number, intervalMs: number) {
  const passes = run.sweeps.length;
  const sum = (pick: (r: ScaleRun['sweeps'][number]) => number) => run.sweeps.reduce((total, r) => total + pick(r), 0);
  const callsPerPass = passes > 0 ? sum((r) => r.xurrentCalls) / passes : run.sweepCalls;
  const sweepCallsPerHour = (callsPerPass * 3_600_000) / intervalMs;
  return {
    size,
    passes,
    pagedPerPass: passes > 0 ? sum((r) => r.requests) / passes : 0,
    enqueuedPerPass: passes > 0 ? sum((r) => r.enqueued) / passes : 0,
    callsPerPass,
    sweepCallsPerHour,
    sweepCostPerHour: sweepCallsPerHour * run.sweepCostPerPage,
    callsPerHour: perHour(run.calls, run.windowMs),
    costPerHour: perHour(run.costSpent, run.windowMs),
    bytesPerRequest: run.seededBytes / size,
    latency: spreadOf(run.latencies),
    unanswered: run.eventsSent - run.latencies.length,
    lateness: spreadOf(run.lateness),
    timersNotStarted: run.timersDue - run.lateness.length,
    usedMemoryMiB: run.usedMemoryEnd / 1_048_576,
    stateBytes: run.stateBytes,
    costPerCall: run.costSpent / Math.max(1, run.calls),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xsw-scale-bench-'));
  // A Redis of its own (no persistence): used_memory is this world's alone, and nothing is left behind.
  const server = await startRedisServer(await findFreePort(), dir, { persistence: false });
  try {
    const s = settings(SIZE);
    const intervalMs = durationMillis(s.sweepInterval) ?? 300_000;
    log(
      `${SIZE} open requests (baseline ${BASELINE}) under ${s.workers} worker processes; ${s.eventsPerSecond} customer note(s)/s and ${s.timersPerSecond} wake-up(s)/s due for ${s.windowMs / 1_000} s; sweep every ${s.sweepInterval}`,
    );
    log(`baseline: ${BASELINE} open requests...`);
    const base = figures(await runScaleWorld(server.url, settings(BASELINE), log), BASELINE, intervalMs);
    log(`${SIZE} open requests...`);
    const fullRun = await runScaleWorld(server.url, s, log);
    const full = figures(fullRun, SIZE, intervalMs);
    log(`Xurrent calls in the window by operation (${SIZE} open): ${JSON.stringify(fullRun.byOperation)}`);

    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
    const row = (label: string, pick: (f: typeof full) => number, digits = 0) => ({
      [label]: {
        [`${BASELINE} open`]: Number(pick(base).toFixed(digits)),
        [`${SIZE} open`]: Number(pick(full).toFixed(digits)),
        ratio: ratio(pick(full), pick(base)),
      },
    });
    console.table({
      ...row('sweep passes in the window', (f) => f.passes),
      ...row('requests paged per pass (changed since mark − overlap)', (f) => f.pagedPerPass, 1),
      ...row('reconciles queued per pass', (f) => f.enqueuedPerPass, 1),
      ...row('sweep Xurrent calls per pass', (f) => f.callsPerPass, 2),
      ...row(`sweep calls per hour (every ${s.sweepInterval})`, (f) => f.sweepCallsPerHour),
      ...row('sweep cost points per hour', (f) => f.sweepCostPerHour),
      ...row('all Xurrent calls per hour (events, wake-ups, sweep)', (f) => f.callsPerHour),
      ...row('all cost points per hour', (f) => f.costPerHour),
      ...row('cost points per call (all work)', (f) => f.costPerCall, 2),
      ...row('workflow state bytes (MessagePack) per request', (f) => f.stateBytes),
      ...row('Redis bytes per open request (state + wake-up)', (f) => f.bytesPerRequest),
      ...row('Redis used_memory at the end, MiB', (f) => f.usedMemoryMiB, 1),
      ...row('reconcile latency p50 ms', (f) => f.latency.p50),
      ...row('reconcile latency p99 ms', (f) => f.latency.p99),
      ...row('events without a reconcile after them', (f) => f.unanswered),
      ...row('wake-ups due in the window', (f) => f.lateness.count),
      ...row('timer lateness p50 ms', (f) => f.lateness.p50),
      ...row('timer lateness p99 ms', (f) => f.lateness.p99),
      ...row('timer lateness max ms', (f) => f.lateness.max),
      ...row('wake-ups due but not started', (f) => f.timersNotStarted),
    });
    const share = (value: number, budget: number) => `${((100 * value) / budget).toFixed(1)} %`;
    log(
      `the sweep spends ${Math.round(full.sweepCallsPerHour)} calls/h (${share(full.sweepCallsPerHour, BUDGET.calls)} of ${BUDGET.calls}) and ${Math.round(full.sweepCostPerHour)} cost points/h (${share(full.sweepCostPerHour, BUDGET.cost)} of ${BUDGET.cost}) with ${SIZE} open requests, ${ratio(full.sweepCallsPerHour, base.sweepCallsPerHour)}× what it spends with ${BASELINE}: it pages changes, not open requests`,
    );
    log(
      `all work at this event rate: ${Math.round(full.callsPerHour)} calls/h (${share(full.callsPerHour, BUDGET.calls)}), ${Math.round(full.costPerHour)} cost points/h (${share(full.costPerHour, BUDGET.cost)})`,
    );
    const ok = full.unanswered === 0 && full.timersNotStarted === 0;
    printBenchSummary({
      bench: 'scale',
      ok,
      figures: {
        [`open requests (${s.workers} worker processes)`]: SIZE,
        'sweep calls/h (of 3 600)': Math.round(full.sweepCallsPerHour),
        'sweep cost points/h (of 5 000)': Math.round(full.sweepCostPerHour),
        'Redis bytes per open request': Math.round(full.bytesPerRequest),
        'reconcile p50 / p99 ms': `${full.latency.p50} / ${full.latency.p99}`,
        [`reconcile p99, ratio to ${BASELINE} open`]: Number(ratio(full.latency.p99, base.latency.p99)),
        'timer lateness p50 / p99 / max ms': `${full.lateness.p50} / ${full.lateness.p99} / ${full.lateness.max}`,
      },
    });
    if (!ok) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
