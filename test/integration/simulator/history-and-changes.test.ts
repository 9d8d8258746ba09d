import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_HISTORY, RequestHistoryResultSchema } from '../../../schema/graphql/request-history.js';
import { REQUESTS_UPDATED_PAGE, RequestsUpdatedPageSchema } from '../../../schema/graphql/requests-updated-page.js';
import { createManualClock } from '../../../src/clock.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { requestCreate, requestUpdate } from '../../../src/simulator/request-mutations.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

const T0 = Date.parse('2026-03-27T15:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const clock = createManualClock(T0);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(async () => sim.close());

const act = (personId: string) => ({ personId, changes: [] }) as SimContext;
function register(subject: string): string {
  const ctx = act(sim.demo.customerId);
  requestCreate(sim.store, ctx, { subject, category: 'incident', impact: 'high' });
  return ctx.changes[0]?.objectId as string;
}
const update = (id: string, input: Record<string, unknown>) => requestUpdate(sim.store, act(sim.demo.apiUserId), { id, ...input });

describe('simulator: requests changed since (updatedAt range) and affected-SLA history', () => {
  it('filters requests on updatedAt like Xurrent (greaterThanOrEqualTo / lessThan)', async () => {
    const early = register('Early');
    clock.set(at(10));
    const late = register('Late');
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const page = async (filter: object) =>
      (await xurrent.request(REQUESTS_UPDATED_PAGE, { first: 100, filter }, RequestsUpdatedPageSchema)).requests.nodes.map((n) => n.id);
    expect(await page({ updatedAt: { greaterThanOrEqualTo: new Date(at(10)).toISOString() } })).toEqual([late]);
    expect(await page({ updatedAt: { lessThan: new Date(at(10)).toISOString() } })).toEqual([early]);
    expect(await page({ updatedAt: { greaterThan: new Date(at(10)).toISOString() } })).toEqual([]);
  });

  it('keeps the first response, the clock-stopped periods, the resolution and reopens', async () => {
    clock.set(at(20));
    const id = register('History');
    clock.set(at(30));
    update(id, { status: 'waiting_for_customer' });
    clock.set(at(40));
    update(id, { status: 'in_progress' });
    clock.set(at(50));
    update(id, { status: 'completed', completionReason: 'solved' });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const read = async () => (await xurrent.request(REQUEST_HISTORY, { id }, RequestHistoryResultSchema)).node;
    const iso = (minutes: number) => new Date(at(minutes)).toISOString();
    expect(await read()).toEqual({
      id,
      reopenCount: 0,
      affectedSlas: {
        nodes: [
          {
            startedAt: iso(20),
            actualResponseAt: iso(30),
            actualResolutionAt: iso(50),
            stoppedClockPeriods: [{ from: iso(30), to: iso(40), providerNotAccountable: false }],
          },
        ],
      },
    });
    clock.set(at(60));
    update(id, { status: 'in_progress' });
    const reopened = await read();
    expect(reopened?.reopenCount).toBe(1);
    expect(reopened?.affectedSlas?.nodes?.[0]?.actualResolutionAt).toBeNull();
  });
});
