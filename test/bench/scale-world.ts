/**
 * One run of the scale bench: `size` open requests in the simulator (Xurrent's own limits) and in
 * Redis, `workers` real worker processes (src/main-worker.ts) with the sweep on, customer notes
 * arriving at `eventsPerSecond` for `windowMs`, and `timersPerSecond` wake-ups falling due. Returns
 * what the run measured; the caller reports it.
 */
import { Redis } from 'ioredis';
import type { ResyncResult } from '../../workers/resync.js';
import { REQUESTS_UPDATED_PAGE } from '../../schema/graphql/requests-updated-page.js';
import { JOB_NAMES } from '../../src/queue/names.js';
import { openQueues } from '../../src/queue/jobs.js';
import { createResyncState } from '../../src/resync/resync-state.js';
import { prepareOperation } from '../../src/simulator/execute.js';
import { startSimulator } from '../../src/simulator/index.js';
import { requestUpdate } from '../../src/simulator/request-mutations.js';
import { limiterBudgetKey, limiterKeyFor } from '../../src/xurrent/limiter.js';
import { loadXurrentSchema } from '../../src/xurrent/sdl.js';
import { simulatorWorkerEnv, startEntrypoint } from '../helpers/service-processes.js';
import type { SpawnedProcess } from '../helpers/spawn-service.js';
import { waitFor } from '../helpers/wait-for.js';
import { createOpenRequest, deletePrefix, seedRedis, seedSimulator } from './scale-seed.js';
import { firstEventAt, latenessOf, reconcileLatencies, type SentEvent, type StreamEntry } from './scale-stats.js';

export interface ScaleSettings {
  size: number;
  workers: number;
  windowMs: number;
  eventsPerSecond: number;
  timersPerSecond: number;
  /** RESYNC_INTERVAL of the workers (ISO-8601). */
  sweepInterval: string;
}

export interface ScaleRun {
  seedSeconds: number;
  /** used_memory added by the seeded states and timers, and used_memory at the end. */
  seededBytes: number;
  stateBytes: number;
  usedMemoryEnd: number;
  sweeps: ResyncResult[];
  sweepCalls: number;
  sweepCostPerPage: number;
  calls: number;
  costSpent: number;
  latencies: number[];
  eventsSent: number;
  lateness: number[];
  timersDue: number;
  windowMs: number;
  /** Xurrent calls in the window by operation name. */
  byOperation: Record<string, number>;
}

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;
/** Wake-ups start falling due this long after seeding, so the first ones fall in the window. */
const TIMER_LEAD_MS = 2_000;
/** About what seeding one request's state and wake-up takes: the first wake-ups fall due after it. */
const SEED_MS_PER_REQUEST = 0.3;

export async function runScaleWorld(redisUrl: string, s: ScaleSettings, log: (line: string) => void): Promise<ScaleRun> {
  const prefix = `scale-${s.size}-${process.pid}-${Date.now()}`;
  const sim = await startSimulator(); // Xurrent's own limits: 20 calls per 2 s, 3 600 calls and 5 000 cost points an hour
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const [requests, timerQueue, resync] = [queues.requests, queues.slaTimers, queues.resync];
  const running: SpawnedProcess[] = [];
  try {
    const began = Date.now();
    // A world the worker already holds: no cold-start resync, and the sweep starts counting from now.
    const resyncState = createResyncState(redis, prefix);
    await resyncState.claimMarker(began);
    await resyncState.advanceHighWater(began);
    const updatedAtMs = began - HOUR;
    const ids = seedSimulator(sim, s.size, updatedAtMs);
    log(
      `  ${s.size} open requests in the simulator in ${((Date.now() - began) / 1_000).toFixed(1)} s; starting ${s.workers} worker processes...`,
    );

    const token = sim.issueToken();
    const env = {
      ...simulatorWorkerEnv(sim),
      XURRENT_TOKEN: token,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      RESYNC_INTERVAL: s.sweepInterval,
      XURRENT_BURST_LIMIT: '18',
      XURRENT_BURST_WINDOW_MS: '2500',
    };
    // One after another: on a loaded 2-core machine four starting at once can miss the start timeout.
    for (let w = 0; w < s.workers; w += 1) await startEntrypoint('src/main-worker.ts', env, running);
    let sent = 0;
    const send = async (requestNodeId: string): Promise<SentEvent> => {
      requestUpdate(
        sim.store,
        { personId: sim.demo.customerId, changes: [] },
        { id: requestNodeId, note: 'Any news? Still cannot send mail.' },
      );
      const deliveryId = `scale-${(sent += 1)}`;
      const sentAt = Date.now();
      await queues.events.add(
        JOB_NAMES.requestEvent,
        { deliveryId, event: 'request.note-added', accountId: sim.account, requestNodeId, receivedAt: new Date(sentAt).toISOString() },
        { jobId: deliveryId },
      );
      return { requestNodeId, sentAt };
    };

    // The state to copy: what the workers saved for one request of the same shape, created and reconciled now.
    const templateId = createOpenRequest(sim, 'template');
    await send(templateId);
    const templateKey = `${prefix}:workflow:${templateId}`;
    await waitFor(
      async () => (await redis.exists(templateKey)) === 1 && (await requests.getJobCountByTypes('waiting', 'active', 'prioritized')) === 0,
      'the template request to be reconciled',
      60_000,
    );
    const template = await redis.getBuffer(templateKey);
    if (!template) throw new Error('no workflow state saved for the template request');

    const seedFrom = Date.now();
    const memoryBefore = await usedMemory(redis);
    const firstDue = seedFrom + TIMER_LEAD_MS + s.size * SEED_MS_PER_REQUEST;
    const dueAt = (i: number) => Math.round(firstDue + (i * 1_000) / s.timersPerSecond);
    const seeded = await seedRedis({ redis, prefix, queues, template, ttlSeconds: await redis.ttl(templateKey), ids, updatedAtMs, dueAt });
    const seededBytes = (await usedMemory(redis)) - memoryBefore;
    const seedSeconds = (Date.now() - seedFrom) / 1_000;
    log(
      `  states and wake-ups of ${s.size} requests in Redis in ${seedSeconds.toFixed(1)} s (${(seededBytes / s.size).toFixed(0)} B each); measuring for ${s.windowMs / 1_000} s...`,
    );

    const budgetKey = limiterBudgetKey(prefix, limiterKeyFor(token));
    const costLeft = async () => Number((await redis.hget(budgetKey, 'costRemaining')) ?? 5_000);
    const costFrom = await costLeft();
    const windowFrom = Date.now();
    const callsFrom = sim.calls.length;
    const events: SentEvent[] = [];
    const gapMs = 1_000 / s.eventsPerSecond;
    for (let k = 0; Date.now() - windowFrom < s.windowMs; k += 1) {
      // Spread over the seeded requests (a prime stride), never one whose wake-up falls in the window.
      const pick = ids[ids.length - 1 - ((k * 7_919) % Math.max(1, Math.floor(ids.length / 2)))] ?? templateId;
      events.push(await send(pick));
      await sleep(Math.max(0, windowFrom + (k + 1) * gapMs - Date.now()));
    }
    const windowTo = Date.now();
    await waitFor(
      async () =>
        (await requests.getJobCountByTypes('waiting', 'active', 'prioritized')) === 0 &&
        (await queues.events.getJobCountByTypes('waiting', 'active')) === 0,
      'the last events to be reconciled',
      120_000,
    );
    const windowMs = windowTo - windowFrom;

    const costTo = await costLeft();
    const calls = sim.calls.slice(callsFrom).filter((c) => c.kind !== 'oauth' && c.status === 200 && c.at <= windowTo);
    const sweepCalls = calls.filter((c) => c.operationName === 'RequestsUpdatedPage').length;
    const page = prepareOperation(loadXurrentSchema(), REQUESTS_UPDATED_PAGE, 'RequestsUpdatedPage');
    const sweeps = (await resync.getJobs(['completed']))
      .filter((j) => (j.finishedOn ?? 0) >= windowFrom && (j.finishedOn ?? 0) <= windowTo)
      .map((j) => j.returnvalue as ResyncResult);

    const completed = firstEventAt((await redis.xrange(requests.keys['events'] ?? '', windowFrom, '+')) as StreamEntry[], 'completed');
    const dataOf = await Promise.all([...completed.keys()].map((jobId) => redis.hget(`${requests.keys['']}${jobId}`, 'data')));
    const completions = [...completed.values()].map((at, i) => ({
      at,
      requestNodeId: (JSON.parse(dataOf[i] ?? '{}') as { requestNodeId?: string }).requestNodeId ?? '',
    }));
    // Only wake-ups due in the window count: earlier ones fell due while seeding loaded the machine.
    const timersDue = new Map([...seeded.timers].filter(([, due]) => due >= windowFrom && due <= windowTo));
    const started = firstEventAt(
      (await redis.xrange(timerQueue.keys['events'] ?? '', windowFrom - 60_000, '+')) as StreamEntry[],
      'active',
    );
    return {
      seedSeconds,
      seededBytes,
      stateBytes: seeded.stateBytes,
      usedMemoryEnd: await usedMemory(redis),
      sweeps,
      sweepCalls,
      sweepCostPerPage: 'cost' in page ? page.cost : 0,
      calls: calls.length,
      costSpent: costFrom - costTo,
      latencies: reconcileLatencies(events, completions),
      eventsSent: events.length,
      lateness: latenessOf(timersDue, started),
      timersDue: timersDue.size,
      windowMs,
      byOperation: Object.fromEntries(
        [...new Set(calls.map((c) => c.operationName ?? '?'))].map((name) => [
          name,
          calls.filter((c) => (c.operationName ?? '?') === name).length,
        ]),
      ),
    };
  } finally {
    await Promise.all(
      running.map(async (p) => {
        p.child.kill('SIGTERM');
        await Promise.race([p.exited, sleep(20_000)]);
        if (p.child.exitCode === null) p.child.kill('SIGKILL');
      }),
    );
    const deleted = await deletePrefix(redis, prefix);
    log(`  deleted ${deleted} keys under ${prefix}`);
    await queues.close();
    redis.disconnect();
    await sim.close();
  }
}
