import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.js';
import { LINKED_REQUEST_SOURCE } from '../../../src/domain/break-fix/linked-request.js';
import { createFollowUpTimers } from '../../../src/queue/follow-up-timers.js';
import { createKeyedLocks } from '../../../src/redis/request-lock.js';
import { requestCreate, requestUpdate } from '../../../src/simulator/request-mutations.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { createFollowUpProcessor } from '../../../workers/follow-up-xurrent.js';
import { createForwardProcessor } from '../../../workers/forward-to-xurrent.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';
import { testJobContext } from '../../helpers/job-context.js';

const HOUR = 3_600_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

/** The forward and follow-up processors against a simulator with a support account, on a real Redis. */
async function world() {
  const prefix = uniquePrefix('break-fix');
  const clock = createManualClock(Date.parse('2026-06-02T08:00:00Z'));
  const sim: Simulator = await startSimulator({ extraAccounts: ['xurrent-support'], clock });
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const queue = queues.xurrentFollowUp;
  cleanups.push(async () => {
    await queue.close();
    redis.disconnect();
    await deleteKeys(prefix);
    await sim.close();
  });
  const { logger } = createLogCapture('error');
  const support = sim.accounts.get('xurrent-support') ?? expect.unreachable('no support account');
  const supportInstance = support.demo.serviceInstanceIds.xurrent;
  const xurrent = simulatorClient(sim, logger);
  const supportClient = simulatorClient(sim, logger, { config: { account: 'xurrent-support' } });
  const followUps = createFollowUpTimers({ queues, redis, prefix, clock });
  const policy = {
    customerAccount: sim.account,
    supportAccount: 'xurrent-support',
    supportServiceInstanceId: supportInstance,
    followUpIntervalMs: HOUR,
  };
  const forward = createForwardProcessor({
    support: supportClient,
    locks: createKeyedLocks(redis, { prefix, ttlMs: 10_000 }),
    followUps,
    policy,
  });
  const followUp = createFollowUpProcessor({ support: supportClient, followUps, intervalMs: HOUR });
  const jobContext = () => testJobContext({ xurrent, logger, clock });

  const ctx = (personId: string) => ({ personId, changes: [] });
  const created = requestCreate(sim.store, ctx(sim.demo.customerId), {
    subject: 'Search returns nothing',
    impact: 'high',
    serviceInstanceId: sim.demo.serviceInstanceIds.xurrent,
    note: 'Every search in self-service returns nothing.',
  }) as { request?: { id: string } };
  const incident = created.request?.id ?? expect.unreachable('not created');
  const notesOf = () => (sim.store.requests.get(incident)?.noteIds ?? []).map((id) => sim.store.notes.get(id)?.text ?? '');
  const pending = async () => (await queue.getDelayed()).map((j) => j.data as { requestNodeId: string; fireAtMs: number });
  const setLinkedStatus = (id: string, status: string) =>
    requestUpdate(support.store, ctx(support.demo.apiUserId), {
      id,
      status,
      ...(status === 'completed' ? { completionReason: 'solved' } : {}),
    });
  return {
    sim,
    clock,
    support,
    supportInstance,
    incident,
    notesOf,
    pending,
    setLinkedStatus,
    forward: () => forward({ requestNodeId: incident }, jobContext()),
    poll: () => followUp({ requestNodeId: incident, fireAtMs: clock.now() }, jobContext()),
  };
}

describe('break-fix request mode (simulator with a support account, real Redis)', () => {
  it('registers one linked request carrying the incident, records it and schedules one poll; a retry and a lost write create no second', async () => {
    const w = await world();
    expect(await w.forward()).toMatchObject({ action: 'created' });
    const linked = [...w.support.store.requests.values()];
    expect(linked).toHaveLength(1);
    const record = w.sim.store.requests.get(w.incident);
    expect(linked[0]).toMatchObject({
      subject: `Search returns nothing [demo #${record?.requestId}]`,
      category: 'incident',
      impact: 'high',
      serviceInstanceId: w.supportInstance,
      source: LINKED_REQUEST_SOURCE,
      sourceID: `request:demo:${w.incident}`,
    });
    const linkedNote = w.support.store.notes.get(linked[0]?.noteIds[0] ?? '')?.text ?? '';
    expect(linkedNote).toContain('Description:\nEvery search in self-service returns nothing.');
    expect(record?.supplierRequestID).toBe(linked[0]?.id);
    expect(w.notesOf().filter((t) => t.includes('[xsw:xurrent-linked:'))).toEqual([
      expect.stringContaining(`Linked request #${linked[0]?.requestId} registered at Xurrent's support`),
    ]);
    expect(await w.pending()).toEqual([{ requestNodeId: w.incident, fireAtMs: w.clock.now() + HOUR }]);

    expect(await w.forward()).toMatchObject({ action: 'known' });
    // The update that records the id was lost (e.g. the process died after the create): found again by sourceID.
    if (record) record.supplierRequestID = null;
    expect(await w.forward()).toMatchObject({ action: 'found', linkedId: linked[0]?.id });
    expect(w.support.store.requests.size).toBe(1);
    expect(w.sim.store.requests.get(w.incident)?.supplierRequestID).toBe(linked[0]?.id);
    expect(await w.pending()).toHaveLength(1);
  });

  it('forwards nothing for a request closed before the forward ran', async () => {
    const w = await world();
    requestUpdate(
      w.sim.store,
      { personId: w.sim.demo.apiUserId, changes: [] },
      { id: w.incident, status: 'completed', completionReason: 'solved' },
    );
    expect(await w.forward()).toEqual({ action: 'none' });
    expect(w.support.store.requests.size).toBe(0);
    expect(await w.pending()).toEqual([]);
  });

  it('notes each status once, sets the incident back to assigned when Xurrent completes, and stops polling', async () => {
    const w = await world();
    await w.forward();
    requestUpdate(w.sim.store, { personId: w.sim.demo.apiUserId, changes: [] }, { id: w.incident, status: 'waiting_for' });
    const linkedId = w.sim.store.requests.get(w.incident)?.supplierRequestID ?? '';

    w.clock.set(w.clock.now() + HOUR);
    expect(await w.poll()).toEqual({ next: 'continue', wrote: false }); // still assigned: noted when it was registered
    w.setLinkedStatus(linkedId, 'in_progress');
    w.clock.set(w.clock.now() + HOUR);
    expect(await w.poll()).toEqual({ next: 'continue', wrote: true });
    expect(await w.poll()).toEqual({ next: 'continue', wrote: false });
    expect(w.notesOf().filter((t) => t.includes('[xsw:xurrent-status:'))).toEqual([
      expect.any(String),
      expect.stringContaining('is now in progress'),
    ]);
    expect(await w.pending()).toEqual([{ requestNodeId: w.incident, fireAtMs: w.clock.now() + HOUR }]);

    w.setLinkedStatus(linkedId, 'completed');
    w.clock.set(w.clock.now() + HOUR);
    expect(await w.poll()).toEqual({ next: 'stop', wrote: true });
    expect(w.sim.store.requests.get(w.incident)?.status).toBe('assigned');
    expect(w.notesOf().filter((t) => t.includes('Xurrent has completed its linked request'))).toHaveLength(1);
    expect(await w.pending()).toEqual([]);
    expect(await w.poll()).toEqual({ next: 'stop', wrote: false });
  });
});
