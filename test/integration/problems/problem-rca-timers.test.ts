import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { problemWorlds, type World } from './problem-worlds.js';

const world = problemWorlds();

describe('RCA follow-up timers', () => {
  const notesOf = (w: World) => (w.problems()[0]?.noteIds ?? []).map((id) => w.sim.store.notes.get(id)?.text ?? '');

  it('escalates an overdue RCA to the Service Support Manager once, and does not warn after the target', async () => {
    const w = await world({ ESCALATION_L1_PERSON_ID: 'SSM-1' });
    // Registered 40 days ago: the RCA target (one month later) passed some ten days ago.
    const incident = w.incident('top', w.sim.demo.serviceInstanceIds.email, 40);
    await w.reconcile(incident);
    await w.rcaTimersRun(2);
    const notes = notesOf(w);
    expect(notes.filter((t) => t.includes('[xsw:rca-overdue:'))).toEqual([expect.stringContaining('is overdue since')]);
    expect(notes.filter((t) => t.includes('[xsw:rca-overdue:'))[0]).toContain('Escalated to the Service Support Manager (SSM-1).');
    expect(notes.some((t) => t.includes('[xsw:rca-warning:'))).toBe(false);

    // A problem webhook re-schedules the timers (restoring lost ones); the escalation stays single.
    await w.sendProblemEvents(w.problems()[0]?.id ?? '', 'problem.update');
    await w.rcaTimersRun(2);
    expect(notesOf(w).filter((t) => t.includes('[xsw:rca-overdue:'))).toHaveLength(1);

    // The linked incident records the escalation once, with no SLA target (the scenario report shows it).
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const state = await createWorkflowStore(redis, w.prefix, createLogCapture('error').logger).load(incident);
      const rca = state.escalations.filter((e) => e.key.startsWith('rca_overdue:'));
      expect(rca).toEqual([
        { key: `rca_overdue:${w.problems()[0]?.id}`, level: 'service_support_manager', target: null, atMs: expect.any(Number) },
      ]);
    } finally {
      redis.disconnect();
    }
  });

  it('warns the problem manager within RCA_WARNING_BUSINESS_DAYS of the target, and keeps the overdue timer waiting', async () => {
    const w = await world({ RCA_WARNING_BUSINESS_DAYS: '10' });
    await w.reconcile(w.incident('top', w.sim.demo.serviceInstanceIds.email, 27));
    await w.rcaTimersRun(1);
    const notes = notesOf(w);
    expect(notes.filter((t) => t.includes('[xsw:rca-warning:'))).toEqual([
      expect.stringContaining('Problem manager: please attach the RCA report'),
    ]);
    expect(notes.some((t) => t.includes('[xsw:rca-overdue:'))).toBe(false);
  });
});
