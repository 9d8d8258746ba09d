import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconcileRequestJob, ResyncJob } from '../../../schema/jobs.js';
import { createManualClock } from '../../../src/clock.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../src/domain/workflow/workflow-state.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { requestCreate, requestUpdate } from '../../../src/simulator/request-mutations.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { enqueueReconcile } from '../../../src/queue/reconcile-producer.js';
import { createResyncState } from '../../../src/resync/resync-state.js';
import { createResyncProcessor, type ResyncDeps } from '../../../workers/resync.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';
import { testJobContext } from '../../helpers/job-context.js';

const T0 = Date.parse('2026-03-27T15:00:00Z');
const MIN = 60_000;
const config = {
  intervalMs: 5 * MIN,
  overlapMs: 2 * MIN,
  costFloor: 1_000,
  coldStartWindowMs: 30 * 24 * 60 * MIN,
  webhookGraceMs: 2 * MIN,
};

let sim: Simulator;
let redis: Redis;
const prefixes: string[] = [];
const clock = createManualClock(T0);

beforeAll(async () => {
  sim = await startSimulator({ clock });
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await sim.close();
  redis.disconnect();
  for (const prefix of prefixes) await deleteKeys(prefix);
});

function world(options: { budgetLow?: () => Promise<boolean>; observed?: Map<string, number>; lastWrites?: Map<string, number> } = {}) {
  const prefix = uniquePrefix('resync');
  prefixes.push(prefix);
  const queues = openQueues(redis, prefix);
  const { requests } = queues;
  const state = createResyncState(redis, prefix);
  const capture = createLogCapture('info');
  const observed = options.observed ?? new Map<string, number>();
  const xurrent = simulatorClient(sim, capture.logger);
  const deps: ResyncDeps = {
    store: {
      find: async (id) =>
        observed.has(id)
          ? ({
              ...INITIAL_WORKFLOW_STATE,
              observed: { status: 'assigned', category: 'incident', priority: 'low', updatedAtMs: observed.get(id) as number },
              ...(options.lastWrites?.has(id) ? { lastWriteAtMs: options.lastWrites.get(id) } : {}),
            } as WorkflowState)
          : null,
    },
    state,
    queues,
    config,
    accountId: sim.account,
    budgetLow: options.budgetLow ?? (async () => false),
  };
  const process = createResyncProcessor(deps);
  const progress: unknown[] = [];
  const run = (data: ResyncJob) =>
    process(
      data,
      testJobContext({ xurrent, logger: capture.logger, clock, jobId: 'job-1', onProgress: (figures) => void progress.push(figures) }),
    );
  const queued = async () =>
    (await requests.getJobs(['prioritized', 'waiting'])).map((j) => (j.data as ReconcileRequestJob).requestNodeId).sort();
  return { run, state, queued, queues, requests, capture, progress, close: () => queues.close() };
}

function register(subject: string): string {
  const ctx: SimContext = { personId: sim.demo.customerId, changes: [] };
  requestCreate(sim.store, ctx, { subject, category: 'incident', impact: 'low' });
  return ctx.changes[0]?.objectId as string;
}

describe('reconciliation sweep (against the simulator)', () => {
  it('pages the changes since its mark minus the overlap, skips what the worker saw, and flags missed webhooks', async () => {
    clock.set(T0);
    const seen = register('Seen by a webhook');
    const observed = new Map([[seen, T0]]);
    const w = world({ observed });
    expect(await w.run({ kind: 'sweep', sinceMs: null, reason: 'test' })).toMatchObject({ requests: 0, enqueued: 0 });
    expect(await w.state.highWater()).toBe(T0);

    clock.set(T0 + 1 * MIN);
    const missed = register('Webhook lost');
    clock.set(T0 + 10 * MIN);
    const fresh = register('Webhook still on its way');
    const result = await w.run({ kind: 'sweep', sinceMs: null, reason: 'test' });
    // Since 14:58 (mark 15:00 minus 2 min): all three; the seen one is skipped; the one changed 9 min ago missed its webhook.
    expect(result).toMatchObject({
      since: '2026-03-27T14:58:00.000Z',
      requests: 3,
      enqueued: 2,
      missed: 1,
      stoppedEarly: false,
      xurrentCalls: 1,
    });
    expect(await w.queued()).toEqual([missed, fresh].sort());
    expect((await w.requests.getJobs(['prioritized']))[0]?.opts.priority).toBe(10);
    expect(await w.state.highWater()).toBe(T0 + 10 * MIN);
    const status = await w.state.status();
    expect(status).toMatchObject({ lastSweepMissed: 1, missedTotal: 1 });
    expect(status.warning).toMatch(/without a webhook/);
    expect(
      w.capture
        .lines()
        .some((l) => l['level'] === 'error' && l['message'] === 'webhooks missed: the sweep found changes no webhook brought'),
    ).toBe(true);

    // Webhooks work again: the next sweep's changes were all seen; the warning clears.
    clock.set(T0 + 15 * MIN);
    const ctx: SimContext = { personId: sim.demo.apiUserId, changes: [] };
    requestUpdate(sim.store, ctx, { id: seen, status: 'in_progress' });
    observed.set(seen, T0 + 15 * MIN);
    for (const id of [missed, fresh]) observed.set(id, T0 + 10 * MIN);
    clock.set(T0 + 20 * MIN);
    expect(await w.run({ kind: 'sweep', sinceMs: null, reason: 'test' })).toMatchObject({ requests: 2, enqueued: 0, missed: 0 });
    expect((await w.state.status()).warning).toBeNull();
    await w.close();
  });

  it("reconciles a request changed by the worker's own write, without counting it as a missed webhook", async () => {
    clock.set(T0 + 25 * MIN);
    const id = register('Written by the worker');
    clock.set(T0 + 26 * MIN);
    requestUpdate(sim.store, { personId: sim.demo.apiUserId, changes: [] } as SimContext, { id, internalNote: 'start note' });
    const w = world({ observed: new Map([[id, T0 + 25 * MIN]]), lastWrites: new Map([[id, T0 + 26 * MIN]]) });
    await w.state.advanceHighWater(T0 + 25 * MIN);
    clock.set(T0 + 35 * MIN);
    const result = await w.run({ kind: 'sweep', sinceMs: null, reason: 'test' });
    expect(result).toMatchObject({ enqueued: 1, missed: 0 });
    expect(await w.queued()).toEqual([id]);
    await w.close();
  });

  it('a webhook absorbed by a waiting sweep reconcile lifts it in front of the other sweep work', async () => {
    const w = world();
    await enqueueReconcile(w.queues, { requestNodeId: 'req-a', reason: 'resync:sweep' }, { priority: 10 });
    await enqueueReconcile(w.queues, { requestNodeId: 'req-b', reason: 'resync:sweep' }, { priority: 10 });
    await enqueueReconcile(w.queues, { requestNodeId: 'req-b', reason: 'request.update' });
    expect((await w.requests.getJobs(['waiting'])).map((j) => (j.data as ReconcileRequestJob).requestNodeId)).toEqual(['req-b']);
    expect((await w.requests.getJobs(['prioritized'])).map((j) => (j.data as ReconcileRequestJob).requestNodeId)).toEqual(['req-a']);
    await w.close();
  });

  it('stops early and keeps its mark when the cost budget runs low', async () => {
    const w = world({ budgetLow: async () => true });
    await w.state.advanceHighWater(T0);
    const result = await w.run({ kind: 'sweep', sinceMs: null, reason: 'test' });
    expect(result).toMatchObject({ stoppedEarly: true, enqueued: 0 });
    expect(await w.state.highWater()).toBe(T0);
    await w.close();
  });

  it('a full pass reconciles every open request and those changed since, but not older closed ones', async () => {
    clock.set(T0 + 40 * MIN);
    const closedOld = register('Closed long ago');
    requestUpdate(
      sim.store,
      { personId: sim.demo.apiUserId, changes: [] },
      { id: closedOld, status: 'completed', completionReason: 'solved' },
    );
    clock.set(T0 + 50 * MIN);
    const w = world();
    const result = await w.run({ kind: 'full', sinceMs: T0 + 45 * MIN, reason: 'test' });
    const open = [...sim.store.requests.values()].filter((r) => r.status !== 'completed').map((r) => r.id);
    expect(await w.queued()).toEqual(open.sort());
    expect(await w.queued()).not.toContain(closedOld);
    expect(result).toMatchObject({ kind: 'full', missed: 0, problems: 0 });
    // `resync --wait` shows this: the last figures count every request seen, of the filters' totals (open, plus changed since).
    const changedSince = [...sim.store.requests.values()].filter((r) => Date.parse(r.updatedAt) >= T0 + 45 * MIN).length;
    expect(w.progress.at(-1)).toEqual({ done: result.requests, total: open.length + changedSince });
    expect((await w.state.status()).lastSweepAtMs).toBeNull();
    await w.close();
  });
});
