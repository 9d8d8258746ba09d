import { mkdtempSync, rmSync } from 'node:fs';
import { openQueues } from '../../../src/queue/jobs.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/redis/connection.js';
import { urlTarget } from '../../../src/redis/redis-target.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { findFreePort } from '../../../src/redis/probe.js';
import type { ScenarioReport } from '../../../src/scenario/report.js';
import { runScenario, type RunOptions } from '../../../src/scenario/run-scenario.js';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

/** A complete registration (first line would otherwise ask the requester and pause the clock). */
const DESCRIPTION =
  'Steps to reproduce: 1. sign in as usual; 2. open the application; 3. the problem shows every time, for everyone we asked.';

/**
 * Disaster recovery: the same scenario undisturbed, and with Redis wiped (FLUSHALL on a private
 * redis-server, never the shared one) halfway. Friday 27 March 2026, Amsterdam (CET, UTC+1):
 * r1 and r4 are Top incidents on Mail (one problem, r4 linked), r1 is responded at 15:10Z; r4 is
 * never responded: its response warning (45 min, 15:45Z) and level 1 (1 h, 16:00Z) happen before
 * the wipe at 16:30Z; its resolution target (4 business hours: 16:00–17:30 CET Friday is 1.5 h, the
 * other 2.5 h from Monday 08:30 CEST = 06:30Z) warns at 3 h = Monday 08:00Z and breaches at 09:00Z,
 * after the wipe; r2 (High) waits for the customer across the wipe; r3 (Low) is completed before it. After the wipe the worker finds no marker, resyncs every
 * request and its problem from Xurrent, and must end where the undisturbed run ends.
 */
const steps = (disaster: boolean) => [
  {
    at: '2026-03-27T15:00:00Z',
    create: { ref: 'r1', impact: 'top', subject: 'Mail down', description: DESCRIPTION, serviceInstance: 'Mail' },
  },
  {
    at: '2026-03-27T15:00:00Z',
    create: { ref: 'r4', impact: 'top', subject: 'Mail down for sales', description: DESCRIPTION, serviceInstance: 'Mail' },
  },
  {
    at: '2026-03-27T15:05:00Z',
    create: { ref: 'r2', impact: 'high', subject: 'Calendar sync slow', description: DESCRIPTION, serviceInstance: 'Calendar' },
  },
  { at: '2026-03-27T15:10:00Z', update: { ref: 'r1', status: 'in_progress' } },
  { at: '2026-03-27T15:30:00Z', update: { ref: 'r2', status: 'waiting_for_customer' } },
  {
    at: '2026-03-27T15:40:00Z',
    create: { ref: 'r3', impact: 'low', subject: 'Printer slow', description: DESCRIPTION, serviceInstance: 'Print' },
  },
  { at: '2026-03-27T16:00:00Z', update: { ref: 'r3', status: 'completed' } },
  disaster ? { at: '2026-03-27T16:30:00Z', wipe: true } : { at: '2026-03-27T16:30:00Z' },
  { at: '2026-03-30T08:00:00Z', update: { ref: 'r2', status: 'in_progress' } },
  { at: '2026-03-30T11:00:00Z' },
];
// Resolution from registration: r4's resolution ladder across the wipe is part of the test.
const config = { ESCALATION_L1_PERSON_ID: 'Sam Support Manager', ESCALATION_L2_PERSON_ID: 'Casey CTO', RESOLUTION_CLOCK_START: 'created' };

interface Outcome {
  report: ScenarioReport;
  /** Per request ref: the markers of the notes the worker wrote, in order (a duplicate shows twice). */
  markers: Record<string, string[]>;
  problemNotes: number[];
  rcaTimers: number;
  /** How each request's state came about: rebuilt (complete or not) or never lost. */
  history: (boolean | 'kept')[];
  logs: Record<string, unknown>[];
}

let server: RedisServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xsw-disaster-'));
  server = await startRedisServer(await findFreePort(), dir);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(disaster: boolean): Promise<Outcome> {
  let seen: Omit<Outcome, 'report' | 'logs'> = { markers: {}, problemNotes: [], rcaTimers: 0, history: [] };
  const capture = createLogCapture('info');
  const options: RunOptions = {
    redisUrl: server.url,
    flushAll: true,
    logger: capture.logger,
    onFinish: async ({ redisUrl, prefix, sim }) => {
      const markers: Record<string, string[]> = {};
      for (const [index, request] of [...sim.store.requests.values()].entries()) {
        const texts = request.noteIds
          .map((id) => sim.store.notes.get(id))
          .filter((n) => n?.personId === sim.demo.apiUserId)
          .map((n) => n?.text ?? '');
        markers[`#${index}`] = texts.flatMap((text) => text.match(/\[xsw:[^\]]+\]/g) ?? []);
      }
      const connection = createRedis(urlTarget(redisUrl), 'worker', 'xsw-test');
      const rca = openQueues(connection, prefix).named(QUEUE_NAMES.rcaFollowUp);
      const rcaTimers = await rca.getDelayedCount();
      await rca.close();
      const store = createWorkflowStore(connection, prefix, capture.logger);
      const history: Outcome['history'] = [];
      for (const id of sim.store.requests.keys()) history.push((await store.find(id))?.history?.complete ?? 'kept');
      connection.disconnect();
      seen = { markers, problemNotes: [...sim.store.problems.values()].map((p) => p.noteIds.length), rcaTimers, history };
    },
  };
  const report = await runScenario({ config, steps: steps(disaster) }, options);
  return { report, ...seen, logs: capture.lines() };
}

describe('disaster recovery: Redis wiped halfway through a scenario', () => {
  it('ends with the undisturbed report, without duplicate problems, notes or timers', async () => {
    const undisturbed = await run(false);
    const disaster = await run(true);

    // The scenario is not vacuous: escalations before and after the wipe, a problem with a linked incident.
    expect(undisturbed.report.requests['r4']?.escalations).toEqual([
      { level: 'warning', target: 'response', at: '2026-03-27T15:45:00Z' },
      { level: 'service_support_manager', target: 'response', at: '2026-03-27T16:00:00Z' },
      { level: 'warning', target: 'resolution', at: '2026-03-30T08:00:00Z' },
      { level: 'service_support_manager', target: 'resolution', at: '2026-03-30T09:00:00Z' },
    ]);
    expect(undisturbed.report.problems['p1']?.requests).toEqual(['r1', 'r4']);
    expect(undisturbed.rcaTimers).toBe(2);

    // The wipe happened and was noticed: a cold start, every request's state rebuilt from Xurrent.
    const messages = (logs: Record<string, unknown>[]) => logs.map((l) => l['message']);
    expect(messages(undisturbed.logs)).not.toContain('request state rebuilt from Xurrent');
    expect(messages(disaster.logs)).toContain('cold start: Redis holds none of the worker state; full resync from Xurrent queued');
    expect(messages(disaster.logs).filter((m) => m === 'request state rebuilt from Xurrent')).toHaveLength(4);
    expect(undisturbed.history).toEqual(['kept', 'kept', 'kept', 'kept']);
    // Xurrent's affected SLAs told the whole story: no gaps to flag.
    expect(disaster.history).toEqual([true, true, true, true]);

    expect({ ...disaster.report, xurrentCalls: 0 }).toEqual({ ...undisturbed.report, xurrentCalls: 0 });
    expect(disaster.markers).toEqual(undisturbed.markers);
    for (const list of Object.values(disaster.markers)) expect(new Set(list).size).toBe(list.length);
    expect(disaster.problemNotes).toEqual(undisturbed.problemNotes);
    expect(disaster.rcaTimers).toBe(undisturbed.rcaTimers);
  }, 60_000);
});
