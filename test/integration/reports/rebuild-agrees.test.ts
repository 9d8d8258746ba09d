import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { SlaRecord } from '../../../src/domain/reports/sla-record.js';
import { createKeyedLocks } from '../../../src/redis/request-lock.js';
import { fillMissing, rebuildFromXurrent } from '../../../src/reports/rebuild-from-xurrent.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import type { SlaTimers } from '../../../src/queue/sla-timers.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate, requestUpdate } from '../../../src/simulator/request-mutations.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { createReconcileProcessor } from '../../../workers/reconcile-request.js';
import { createReportWriter } from '../../../workers/report-writer.js';
import { createWorkflowPolicy } from '../../../workers/workflow-policy.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

// Monday 12 January 2026, Amsterdam support hours 08:30–17:30 = 07:30Z–16:30Z.
const at = (time: string, day = 12) => Date.parse(`2026-01-${day}T${time}:00Z`);
const clock = { nowMs: at('08:00'), now() { return this.nowMs; } };
const prefix = uniquePrefix('rebuild');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const log = createLogCapture();
// Calls are not what this test is about: the burst limit is lifted (the virtual clock jumps hours between calls).
const sim = await startSimulator({ clock, budgets: { burstLimit: 10_000 } });
const xurrent = simulatorClient(sim, log.logger);
// Registration pauses are the worker's own (Xurrent's stopped-clock periods carry no reason); covered elsewhere.
const policy = createWorkflowPolicy(loadConfig({ COMPLETENESS_RULES: 'none' }));
const reports = createReportStore(redis, prefix, 400, log.logger);
const timers: SlaTimers = { reschedule: async () => undefined };
const reconcile = createReconcileProcessor({
  xurrent,
  store: createWorkflowStore(redis, prefix, log.logger),
  locks: createKeyedLocks(redis, { prefix, ttlMs: 60_000 }),
  timers,
  policy,
  clock,
  logger: log.logger,
  reports: createReportWriter({ store: reports, calendar: policy.calendar, sla: policy.sla }),
});

afterAll(async () => {
  await sim.close();
  await deleteKeys(prefix);
  redis.disconnect();
});

const ids = new Map<string, string>();
const ctx = (personId: string | undefined): SimContext => ({ personId, changes: [] });
function create(ref: string, category: string, impact: string) {
  const c = ctx(sim.demo.customerId);
  requestCreate(sim.store, c, { subject: `${ref} subject`, category, impact });
  ids.set(ref, c.changes[0]?.objectId as string);
}
function update(ref: string, status: string) {
  requestUpdate(sim.store, ctx(undefined), { id: ids.get(ref), status, ...(status === 'completed' ? { completionReason: 'solved' } : {}) });
}
/** What the webhook or SLA timer would do: a reconcile of the request at the clock's instant. */
async function reconcileAt(time: number, ...refs: string[]) {
  clock.nowMs = time;
  for (const ref of refs) await reconcile({ id: `job-${ref}`, data: { requestNodeId: ids.get(ref), reason: 'test' } } as unknown as Job);
}
const byKey = (records: readonly SlaRecord[]) => [...records].sort((a, b) => `${a.requestId}:${a.target}`.localeCompare(`${b.requestId}:${b.target}`));

describe('SLA records: kept by the worker and rebuilt from Xurrent', () => {
  it('agree record for record', async () => {
    create('top', 'incident', 'top');
    create('high', 'incident', 'high');
    create('medium', 'incident', 'medium');
    create('rfi', 'rfi', 'low');
    await reconcileAt(at('08:00'), 'top', 'high', 'medium', 'rfi');
    clock.nowMs = at('08:30');
    update('top', 'in_progress');
    await reconcileAt(at('08:30'), 'top');
    clock.nowMs = at('09:00');
    update('top', 'waiting_for_customer');
    update('medium', 'waiting_for_customer');
    await reconcileAt(at('09:00'), 'top', 'medium');
    clock.nowMs = at('10:00');
    update('top', 'in_progress');
    await reconcileAt(at('10:00'), 'top');
    clock.nowMs = at('11:00');
    update('top', 'completed');
    await reconcileAt(at('11:00'), 'top');
    // The high incident's SLA timers: response warning at 75 % of 9 h (14:45Z), breach at 9 h (Tuesday 08:00Z).
    await reconcileAt(at('14:45'), 'high');
    await reconcileAt(at('08:00', 13), 'high');
    const nowMs = at('12:00', 13);
    await reconcileAt(nowMs, 'top', 'high', 'medium', 'rfi');

    const kept = await reports.readUntil(Number.MAX_SAFE_INTEGER);
    const top = ids.get('top') as string;
    const high = ids.get('high') as string;
    const medium = ids.get('medium') as string;
    // Hand-checked: Top responded at 08:30 (due 09:00); resolution ran 08:00–09:00 and 10:00–11:00, paused 1 h.
    expect(byKey(kept.records).filter((r) => r.requestId === top)).toEqual([
      expect.objectContaining({ target: 'resolution', actualMs: at('11:00'), dueMs: at('13:00'), pausedBusinessMs: 3_600_000, pausedByReason: { waiting_for_customer: 3_600_000 } }),
      expect.objectContaining({ target: 'response', actualMs: at('08:30'), dueMs: at('09:00'), pausedBusinessMs: 0 }),
    ]);
    expect(kept.records.find((r) => r.requestId === high && r.target === 'response')).toMatchObject({
      actualMs: null, dueMs: at('08:00', 13), breachReason: 'status at due: assigned', escalations: ['warning', 'service_support_manager'],
    });
    expect(kept.records.find((r) => r.requestId === medium && r.target === 'resolution')).toMatchObject({ actualMs: null, pausedSinceMs: at('09:00') });
    expect(kept.records).toHaveLength(6);
    expect(kept.requests.map((r) => r.kind).sort()).toEqual(['incident', 'incident', 'incident', 'rfi']);

    const rebuilt = await rebuildFromXurrent({ xurrent, triage: policy.triage, sla: policy.sla, calendar: policy.calendar }, nowMs + 1, nowMs);
    expect(byKey(rebuilt.records)).toEqual(byKey(kept.records));
    const sortRequests = (list: typeof kept.requests) => [...list].sort((a, b) => a.requestId.localeCompare(b.requestId));
    expect(sortRequests(rebuilt.requests)).toEqual(sortRequests(kept.requests));
  });

  it('fills in only what the store lacks', async () => {
    const nowMs = clock.now();
    const rebuilt = await rebuildFromXurrent({ xurrent, triage: policy.triage, sla: policy.sla, calendar: policy.calendar }, nowMs + 1, nowMs);
    expect(await fillMissing(reports, rebuilt, nowMs + 1)).toBe(0);
    const empty = createReportStore(redis, `${prefix}-empty`, 400, log.logger);
    expect(await fillMissing(empty, rebuilt, nowMs + 1)).toBe(4);
    expect(byKey((await empty.readUntil(nowMs + 1)).records)).toEqual(byKey(rebuilt.records));
    await deleteKeys(`${prefix}-empty`);
  });
});
