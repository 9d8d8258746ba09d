import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { problemCreate, problemUpdate } from '../../../src/simulator/problem-mutations.js';
import { problemWorlds, type World } from './problem-worlds.js';

const world = problemWorlds();

describe('problem management through the workers (simulator, real Redis)', () => {
  it('opens one problem for a Top incident, RCA due one calendar month after registration, with an RCA skeleton', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const r1 = w.incident('top', si);
    await w.reconcile(r1);
    const [problem, ...others] = w.problems();
    expect(others).toEqual([]);
    const registered = Date.parse(w.sim.store.requests.get(r1)?.createdAt ?? '');
    const expectedDue = DateTime.fromMillis(registered, { zone: 'Europe/Amsterdam' }).plus({ months: 1 }).toMillis();
    expect(problem).toMatchObject({
      subject: 'Top incident on E-mail Production: root-cause analysis',
      impact: 'top',
      serviceId: w.sim.demo.serviceIds.email,
      teamId: w.sim.demo.teamIds.serviceDesk,
      managerId: w.sim.demo.apiUserId,
      source: 'xurrent-support-worker',
      sourceID: `service_instance:${si}`,
      requestIds: [r1],
      serviceInstanceIds: [si],
    });
    expect(Date.parse(problem?.analysisTargetAt ?? '')).toBe(expectedDue);
    const note = w.sim.store.notes.get(problem?.noteIds[0] ?? '')?.text ?? '';
    expect(note).toContain('problem opened (top_incident)');
    expect(note).toContain('Incident timeline');
    expect(note).toContain('Questions of the analysis:');
    expect(w.sim.store.requests.get(r1)?.problemId).toBe(problem?.id);
  });

  it('links two High incidents on one service instance in one problem, and a third to the same problem', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const r1 = w.incident('high', si, 3);
    await w.reconcile(r1);
    expect(w.problems()).toEqual([]);
    const r2 = w.incident('high', si, 1);
    await w.reconcile(r2);
    expect(w.problems()).toEqual([
      expect.objectContaining({
        subject: 'Repeated incidents on E-mail Production: root-cause analysis',
        impact: 'high',
        requestIds: [r1, r2],
      }),
    ]);
    const r3 = w.incident('top', si);
    await w.reconcile(r3);
    const [problem, ...others] = w.problems();
    expect(others).toEqual([]);
    expect(problem?.requestIds).toEqual([r1, r2, r3]);
    expect(problem?.noteIds).toHaveLength(2);
    await w.reconcile(r1, r2, r3);
    expect(w.problems()).toHaveLength(1);
    expect(w.problems()[0]?.noteIds).toHaveLength(2);
  });

  it('opens no problem for two Medium incidents', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    await w.reconcile(w.incident('medium', si, 1), w.incident('medium', si));
    expect(w.problems()).toEqual([]);
  });

  it('keeps service instances apart, each repeated pair its own problem', async () => {
    const w = await world();
    const mail = w.sim.demo.serviceInstanceIds.email;
    const crm = w.addInstance('CRM Production');
    await w.reconcile(w.incident('high', mail, 2), w.incident('high', crm, 1));
    expect(w.problems()).toEqual([]);
    const [m2, c2] = [w.incident('high', mail), w.incident('high', crm)];
    await w.reconcile(m2, c2);
    expect(
      w
        .problems()
        .map((p) => p.sourceID)
        .sort(),
    ).toEqual([`service_instance:${crm}`, `service_instance:${mail}`].sort());
    expect(w.problems().every((p) => p.requestIds.length === 2)).toBe(true);
  });

  it('lets an incident older than PROBLEM_WINDOW_DAYS expire', async () => {
    const w = await world({ PROBLEM_WINDOW_DAYS: '30' });
    const si = w.sim.demo.serviceInstanceIds.email;
    await w.reconcile(w.incident('high', si, 31), w.incident('high', si));
    expect(w.problems()).toEqual([]);
    await w.reconcile(w.incident('high', si));
    expect(w.problems()).toHaveLength(1);
    expect(w.problems()[0]?.requestIds).toHaveLength(2);
  });

  it('finds its open problem again by sourceID after Redis lost the workflow state', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const r1 = w.incident('top', si);
    await w.reconcile(r1);
    const { deleteKeys } = await import('../../helpers/redis.js');
    await deleteKeys(`${w.prefix}:workflow`); // every request's remembered state; the queues stay
    const r2 = w.incident('high', si);
    await w.reconcile(r2);
    expect(w.problems()).toHaveLength(1);
    expect(w.problems()[0]?.requestIds).toEqual([r1, r2]);
  });
});

describe('a Top incident already linked to a problem gets its own RCA promise (§2.3, §3.3)', () => {
  const notesOf = (w: World, problemId: string) =>
    (w.sim.store.problems.get(problemId)?.noteIds ?? []).map((id) => w.sim.store.notes.get(id)?.text ?? '');
  const topPromises = (w: World, problemId: string, requestId: string) =>
    notesOf(w, problemId).filter((t) => t.includes(`[xsw:rca-promise:top_incident:${requestId}:`));

  it('an incident raised to Top after it was linked as a repeat: promise added once, RCA target moved to a month after its registration', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const r1 = w.incident('high', si, 3);
    const r2 = w.incident('high', si, 1);
    await w.reconcile(r1, r2);
    const problem = w.problems()[0] ?? expect.unreachable('no problem');
    expect(problem.requestIds).toEqual([r1, r2]);
    const repeatDue = Date.parse(problem.analysisTargetAt ?? '');
    const record = w.sim.store.requests.get(r1) ?? expect.unreachable('no r1');
    record.impact = 'top';
    await w.reconcile(r1);
    expect(topPromises(w, problem.id, r1)).toHaveLength(1);
    const registered = Date.parse(record.createdAt);
    const topDue = DateTime.fromMillis(registered, { zone: 'Europe/Amsterdam' }).plus({ months: 1 }).toMillis();
    expect(topDue).toBeLessThan(repeatDue);
    expect(Date.parse(w.sim.store.problems.get(problem.id)?.analysisTargetAt ?? '')).toBe(topDue);
    expect(w.sim.store.problems.get(problem.id)?.requestIds).toEqual([r1, r2]);
    // Any later check of the same incident finds the marker and writes nothing.
    record.subject = 'still down';
    await w.reconcile(r1, r2);
    expect(topPromises(w, problem.id, r1)).toHaveLength(1);
    expect(w.problems()).toHaveLength(1);
  });

  it("a Top incident linked first by another incident's check as a repeat gets its promise on its own check", async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const top = w.incident('top', si, 1);
    const high = w.incident('high', si);
    await w.reconcile(high); // the High's check finds the Top as the earlier repeat and links both
    const problem = w.problems()[0] ?? expect.unreachable('no problem');
    expect(problem.requestIds).toEqual([top, high]);
    expect(topPromises(w, problem.id, top)).toHaveLength(0);
    await w.reconcile(top);
    expect(topPromises(w, problem.id, top)).toHaveLength(1);
    expect(w.problems()).toHaveLength(1);
  });

  it("a Top incident an agent linked by hand to an open problem (not the worker's) gets its promise there", async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const top = w.incident('top', si);
    const ctx = { personId: w.sim.demo.apiUserId, changes: [] };
    const manual = problemCreate(w.sim.store, ctx, {
      subject: 'Mail relay analysis',
      serviceId: w.sim.demo.serviceIds.email,
      requestIds: [top],
    }) as { problem?: { id: string } };
    const problemId = manual.problem?.id ?? expect.unreachable('no problem');
    await w.reconcile(top);
    expect(w.problems()).toHaveLength(1);
    expect(topPromises(w, problemId, top)).toHaveLength(1);
    expect(w.sim.store.problems.get(problemId)?.analysisTargetAt).toBeTruthy();
    await w.reconcile(top);
    expect(topPromises(w, problemId, top)).toHaveLength(1);
  });
});

describe('a solved problem (problem-event consumer)', () => {
  it('notes the outcome once on every linked incident, however often the event comes', async () => {
    const w = await world();
    const si = w.sim.demo.serviceInstanceIds.email;
    const [r1, r2] = [w.incident('high', si, 1), w.incident('high', si)];
    await w.reconcile(r1, r2);
    const problem = w.problems()[0] ?? expect.unreachable('no problem');
    const ctx = { personId: w.sim.demo.apiUserId, changes: [] };
    problemUpdate(w.sim.store, ctx, { id: problem.id, status: 'solved', workaround: 'restart the relay' });

    await w.sendProblemEvents(problem.id, 'problem.status-changed', 3);
    for (const id of [r1, r2]) {
      const texts = (w.sim.store.requests.get(id)?.noteIds ?? []).map((n) => w.sim.store.notes.get(n)?.text ?? '');
      const outcome = texts.filter((t) => t.includes(`[xsw:problem-solved:${problem.id}]`));
      expect(outcome).toHaveLength(1);
      expect(outcome[0]).toContain(
        `problem #${problem.problemId} (Repeated incidents on E-mail Production: root-cause analysis) is solved`,
      );
      expect(outcome[0]).toContain('Workaround: restart the relay');
    }
  });
});
