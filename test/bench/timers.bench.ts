/**
 * Open SLA clocks at scale: Redis memory per open clock (its workflow state, its response and
 * resolution timer jobs and their index entry) with 100 000 of them, and how late timer jobs start
 * when 1 000 fall due in the same second among them. The per-clock shape is captured from the real
 * pipeline (simulator, receiver, workers) rather than written by hand; the baseline in the same run
 * is a bare BullMQ delayed job with empty data and a no-op processor.
 * Run: npx tsx test/bench/timers.bench.ts   (CLOCKS=20000 for a quick look)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { JOBS, openQueues } from '../../src/queue/jobs.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createSlaTimerProcessor } from '../../workers/sla-timer.js';
import { createSlaTimers } from '../../src/queue/sla-timers.js';
import { openClockKey } from '../../src/metrics/observe-workflow.js';
import { findFreePort } from '../../src/redis/probe.js';
import { systemClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import type { XurrentClient } from '../../src/xurrent/client.js';
import { testJobContext } from '../helpers/job-context.js';
import { startRedisServer } from '../helpers/redis-server.js';
import { captureOpenClock } from './capture-open-clock.js';
import { printBenchSummary } from './bench-summary.js';

const CLOCKS = Number(process.env.CLOCKS ?? 100_000);
const DUE_TOGETHER = 1_000;
const CONCURRENCY = 10;
const FAR_FUTURE_MS = 30 * 24 * 3_600_000;

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;

/** Runs `count` tasks with at most `width` in flight (ioredis pipelines what is in flight). */
async function inBatches(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += width) {
    await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, k) => task(start + k)));
  }
}

/** Starts a worker that records how late each job starts, and waits until `expected` jobs ran. */
async function measureLateness(
  queue: Queue,
  connection: Redis,
  process: (job: Job) => Promise<void>,
  fireAt: (job: Job) => number,
  expected: number,
) {
  const lateness: number[] = [];
  const worker = new Worker(
    queue.name,
    async (job) => {
      lateness.push(Date.now() - fireAt(job));
      await process(job);
    },
    { connection, concurrency: CONCURRENCY, ...(queue.opts.prefix === undefined ? {} : { prefix: queue.opts.prefix }) },
  );
  while (lateness.length < expected) await new Promise((resolve) => setTimeout(resolve, 100));
  await worker.close();
  connection.disconnect();
  return { p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: Math.max(...lateness) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xsw-timers-bench-'));
  const server = await startRedisServer(await findFreePort(), dir, { persistence: false });
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    process.stdout.write('capturing one open clock from the real pipeline...\n');
    const template = await captureOpenClock(server.url);
    process.stdout.write(`captured: workflow state ${template.stateBytes.length} bytes stored, one wake-up timer\n`);

    const prefix = 'bench';
    // The same queue options as the worker's own timer queue (workers/index.ts): retries are stored in each job.
    const queues = openQueues(redis, prefix);
    const timersQueue = queues.slaTimers;
    const timers = createSlaTimers({ queues, clock: systemClock });
    const bareQueue = openQueues(redis, 'bare').named('bare-timers');

    const beforeBare = await usedMemory(redis);
    await inBatches(CLOCKS, 500, (i) => bareQueue.add('t', {}, { jobId: `bare-${i}`, delay: FAR_FUTURE_MS, removeOnComplete: true }));
    const bareBytes = (await usedMemory(redis)) - beforeBare;

    process.stdout.write(`opening ${CLOCKS} clocks through the service's own store and timer code...\n`);
    const before = await usedMemory(redis);
    const farAt = Date.now() + FAR_FUTURE_MS;
    await inBatches(CLOCKS, 500, async (i) => {
      const id = `${template.requestNodeId}-${i}`;
      await redis.set(`${prefix}:workflow:${id}`, template.stateBytes, 'EX', template.ttlSeconds);
      await timers.reschedule(id, undefined, farAt + i * 1_000);
    });
    const clockBytes = (await usedMemory(redis)) - before;
    // The /metrics gauge of open clocks keeps each running target's request id in a set: counted apart.
    const beforeGauges = await usedMemory(redis);
    await inBatches(CLOCKS, 500, (i) =>
      redis
        .multi()
        .sadd(openClockKey(prefix, 'response', 'running'), `${template.requestNodeId}-${i}`)
        .sadd(openClockKey(prefix, 'resolution', 'running'), `${template.requestNodeId}-${i}`)
        .exec(),
    );
    const gaugeBytes = ((await usedMemory(redis)) - beforeGauges) / CLOCKS;
    const perClock = clockBytes / CLOCKS;
    const perBare = bareBytes / CLOCKS;

    process.stdout.write(`${DUE_TOGETHER} timers falling due in the same second (with the ${CLOCKS} open clocks waiting)...\n`);
    const dueAt = Date.now() + 3_000;
    await inBatches(DUE_TOGETHER, 200, (i) => timers.reschedule(`due-${i}`, undefined, dueAt + (i % 1_000)));
    await inBatches(DUE_TOGETHER, 200, (i) =>
      bareQueue.add('t', { fireAtMs: dueAt + (i % 1_000) }, { jobId: `bare-due-${i}`, delay: dueAt + (i % 1_000) - Date.now() }),
    );
    const processSlaTimer = createSlaTimerProcessor({ queues });
    // The SLA timer processor calls no Xurrent: its context's client is never used.
    const slaProcessor = (job: Job) =>
      processSlaTimer(
        JOBS.slaTimer.parse(job),
        testJobContext({ xurrent: { counted: () => ({}) } as unknown as XurrentClient, logger: createLogger({ level: 'error' }) }),
      );
    const [ours, bare] = await Promise.all([
      measureLateness(timersQueue, redis.duplicate(), slaProcessor, (job) => (job.data as { fireAtMs: number }).fireAtMs, DUE_TOGETHER),
      measureLateness(
        bareQueue,
        redis.duplicate(),
        async () => undefined,
        (job) => (job.data as { fireAtMs: number }).fireAtMs,
        DUE_TOGETHER,
      ),
    ]);

    console.table({
      'bytes per open clock (state + wake-up timer)': {
        service: Math.round(perClock),
        'bare delayed job': Math.round(perBare),
        ratio: (perClock / perBare).toFixed(2),
      },
      'open-clock gauge sets (/metrics), per request': { service: Math.round(gaugeBytes), 'bare delayed job': '-', ratio: '-' },
      'timer lateness p50 ms': { service: ours.p50, 'bare delayed job': bare.p50, ratio: (ours.p50 / Math.max(1, bare.p50)).toFixed(2) },
      'timer lateness p99 ms': { service: ours.p99, 'bare delayed job': bare.p99, ratio: (ours.p99 / Math.max(1, bare.p99)).toFixed(2) },
      'timer lateness max ms': { service: ours.max, 'bare delayed job': bare.max, ratio: (ours.max / Math.max(1, bare.max)).toFixed(2) },
    });
    process.stdout.write(
      `memory per open clock: ${(perClock / 1_024).toFixed(2)} KiB (target <= 2 KB incl. its timer jobs); lateness p99 ${ours.p99} ms with ${DUE_TOGETHER} due in one second (target <= 2000 ms)\n`,
    );
    const ok = perClock <= 2_048 && ours.p99 <= 2_000;
    printBenchSummary({
      bench: 'timers',
      ok,
      figures: {
        [`KiB per open clock (${CLOCKS} clocks)`]: Number((perClock / 1_024).toFixed(2)),
        'KiB per bare delayed job': Number((perBare / 1_024).toFixed(2)),
        [`lateness p99 ms (${DUE_TOGETHER} due in 1 s)`]: ours.p99,
        'lateness p99 ms, bare delayed jobs': bare.p99,
      },
    });
    if (!ok) process.exitCode = 1;
    await Promise.all([queues.close(), bareQueue.close()]);
  } finally {
    redis.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
