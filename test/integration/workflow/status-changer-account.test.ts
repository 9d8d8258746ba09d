import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createKeyedLocks } from '../../../src/redis/request-lock.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate, requestUpdate } from '../../../src/simulator/request-mutations.js';
import { DEMO_CUSTOMER_ACCOUNT } from '../../../src/simulator/seed.js';
import { createStatusActorStore } from '../../../src/state/status-actors.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { createReconcileProcessor } from '../../../workers/reconcile-request.js';
import { createReportWriter } from '../../../workers/report-writer.js';
import { createRequestEventProcessor, type RequestEventDeps } from '../../../workers/request-event.js';
import { createWorkflowPolicy } from '../../../workers/workflow-policy.js';
import { testJobContext } from '../../helpers/job-context.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { at } from '../../helpers/rebuild-world.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const log = createLogCapture();
const prefix = uniquePrefix('status-changer');
const clock = {
  nowMs: at('08:00'),
  now() {
    return this.nowMs;
  },
};
const sim = await startSimulator({ clock, budgets: { burstLimit: 10_000 } });
afterAll(async () => {
  await sim.close();
  await deleteKeys(prefix);
  redis.disconnect();
});

const xurrent = simulatorClient(sim, log.logger);
const policy = createWorkflowPolicy(
  loadConfig({ COMPLETENESS_RULES: 'none', SLA_SERVICE_INSTANCE_IDS: 'SI-NONE', XURRENT_ACCOUNT: sim.account, XURRENT_TOKEN: 'x' }),
);
const reports = createReportStore(redis, prefix, 400, log.logger);
const statusActors = createStatusActorStore(redis, prefix);
const reconcile = createReconcileProcessor({
  store: createWorkflowStore(redis, prefix, log.logger),
  locks: createKeyedLocks(redis, { prefix, ttlMs: 60_000 }),
  timers: { reschedule: async () => undefined },
  policy,
  statusActors,
  reports: createReportWriter({ store: reports, calendar: policy.calendar, sla: policy.sla, providerAccountId: sim.account }),
});
// The reconcile is run below at the test's instant, so the event's own enqueue goes nowhere.
const queues = { enqueue: { reconcileRequest: async () => ({ id: undefined }) }, requests: {} } as unknown as RequestEventDeps['queues'];
const routeEvent = createRequestEventProcessor({ queues, statusActors });
const ctx = (jobId: string) => testJobContext({ xurrent, logger: log.logger, clock, jobId });

const person = (name: string, accountId?: string) => {
  const { id } = sim.store.nextId('Person');
  sim.store.people.set(id, { id, name, primaryEmail: `${id}@example.test`, teamIds: [], ...(accountId ? { accountId } : {}) });
  return id;
};
// Neither requester nor worker: only their account tells whether they are the provider's.
const specialist = person('Sam Specialist', DEMO_CUSTOMER_ACCOUNT);
const agent = person('Pat Provider');

/** A high incident registered by the customer at 08:00; `changer` sets it in progress at 09:00, as the webhook says. */
async function statusChangedBy(changer: string) {
  const created: SimContext = { personId: sim.demo.customerId, changes: [] };
  requestCreate(sim.store, created, { subject: 'Orders late', category: 'incident', impact: 'high' });
  const id = created.changes[0]?.objectId as string;
  clock.nowMs = at('08:00');
  await reconcile({ requestNodeId: id, reason: 'test' }, ctx('create'));
  clock.nowMs = at('09:00');
  requestUpdate(sim.store, { personId: changer, changes: [] }, { id, status: 'in_progress' });
  const receivedAt = new Date(at('09:00')).toISOString();
  const event = { deliveryId: `d-${id}`, event: 'request.status-changed', accountId: sim.account, requestNodeId: id, receivedAt };
  await routeEvent({ ...event, actor: { personNodeId: changer, status: 'in_progress' } }, ctx('event'));
  await reconcile({ requestNodeId: id, reason: 'request.status-changed' }, ctx('changed'));
  const { records } = await reports.readUntil(Number.MAX_SAFE_INTEGER);
  return {
    actors: await statusActors.list(id),
    response: records.find((r) => r.requestId === id && r.target === 'response'),
  };
}

describe("a status change is judged by its author's account (issue 16 point 2)", () => {
  it("a customer-account person's status change is recorded with that account and is not the response", async () => {
    const { actors, response } = await statusChangedBy(specialist);
    // Newest first: the record with the account, after the one made at once.
    expect(actors).toEqual([
      { status: 'in_progress', personNodeId: specialist, atMs: at('09:00'), accountId: DEMO_CUSTOMER_ACCOUNT },
      { status: 'in_progress', personNodeId: specialist, atMs: at('09:00') },
    ]);
    expect(response).toMatchObject({ actualMs: null });
  });

  it("a provider-account person's status change is the response", async () => {
    const { actors, response } = await statusChangedBy(agent);
    expect(actors).toEqual([
      { status: 'in_progress', personNodeId: agent, atMs: at('09:00'), accountId: sim.account },
      { status: 'in_progress', personNodeId: agent, atMs: at('09:00') },
    ]);
    expect(response).toMatchObject({ actualMs: at('09:00') });
  });
});
