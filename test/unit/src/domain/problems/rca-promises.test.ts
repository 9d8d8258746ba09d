import { describe, expect, it } from 'vitest';
import { planProblemWrite, type ProblemWritePolicy } from '../../../../../src/domain/problems/plan-problem-write.js';
import { decideProblem } from '../../../../../src/domain/problems/detect-problem.js';
import {
  earliestDueMs,
  hasTopPromise,
  rcaPromiseMarker,
  rcaPromisesOf,
  reasonsOf,
} from '../../../../../src/domain/problems/rca-promises.js';
import type { IncidentRow } from '../../../../../src/domain/problems/incident-row.js';

const policy: ProblemWritePolicy = {
  rcaDue: 'P1M',
  zone: 'Europe/Amsterdam',
  managerId: null,
  teamId: null,
  businessMillisBetween: () => 0,
  format: (ms) => new Date(ms ?? 0).toISOString(),
};
const top: IncidentRow = {
  id: 'R3',
  label: '#3',
  subject: 'No orders',
  category: 'incident',
  impact: 'top',
  createdAtMs: Date.parse('2026-03-10T10:00:00Z'),
  teamId: null,
  problemId: null,
  serviceInstanceId: 'SI',
  serviceInstanceName: 'IV',
  serviceId: 'S',
};
const context = (openRcaDueMs: number | null) => ({
  incident: top,
  rows: new Map([[top.id, top]]),
  sourceId: 'service_instance:SI',
  linkedRequestIds: ['R1', 'R2'],
  timelineOf: () => ({ label: '#3', subject: '', registeredAtMs: 0, respondedAtMs: null, resolvedAtMs: null, escalations: [] }),
  openRcaDueMs,
});
const link = { action: 'link' as const, problemId: 'P1', requestIds: ['R3'], why: 'open problem', reason: 'top_incident' as const };

describe('RCA promises (issue 17 point 4)', () => {
  it('a Top linked to an open problem brings its own promise and pulls the RCA target to a month after its registration', () => {
    const write = planProblemWrite(link, context(Date.parse('2026-05-29T15:00:00Z')), policy);
    expect(write).toMatchObject({
      kind: 'link',
      rcaDueMs: Date.parse('2026-04-10T09:00:00Z'),
      input: { analysisTargetAt: '2026-04-10T09:00:00.000Z', requestIds: ['R1', 'R2', 'R3'] },
    });
    if (write.kind !== 'link') throw new Error('link expected');
    expect(rcaPromisesOf([write.input.note])).toEqual([
      { reason: 'top_incident', subject: 'R3', dueMs: Date.parse('2026-04-10T09:00:00Z') },
    ]);
  });

  it('a Top already linked to the open problem (by hand, raised to Top, or as a repeat) gets its own promise once', () => {
    const linkedTop = { ...top, problemId: 'P1' };
    const facts = {
      id: 'R3',
      createdAtMs: linkedTop.createdAtMs,
      impact: 'top' as const,
      priority: 'top' as const,
      groupKey: 'SI',
      problemId: 'P1',
    };
    const detect = { impacts: ['high', 'top'] as const, repeatThreshold: 2, windowMs: 30 * 86_400_000 };
    const repeatNote = `opened\n${rcaPromiseMarker({ reason: 'repeated_incidents', subject: 'service_instance:SI', dueMs: Date.parse('2026-05-29T15:00:00Z') })}`;
    const decision = decideProblem(facts, [], null, detect, { open: true, hasTopPromise: hasTopPromise([repeatNote], 'R3') });
    const write = planProblemWrite(
      decision,
      { ...context(Date.parse('2026-05-29T15:00:00Z')), incident: linkedTop, linkedRequestIds: ['R1', 'R2', 'R3'] },
      policy,
    );
    expect(write).toMatchObject({
      kind: 'link',
      rcaDueMs: Date.parse('2026-04-10T09:00:00Z'),
      input: { id: 'P1', analysisTargetAt: '2026-04-10T09:00:00.000Z', requestIds: ['R1', 'R2', 'R3'] },
    });
    if (write.kind !== 'link') throw new Error('link expected');
    const notes = [repeatNote, write.input.note];
    expect(reasonsOf(rcaPromisesOf(notes))).toEqual(['repeated_incidents', 'top_incident']);
    // The next check finds the promise by its marker and writes nothing.
    expect(hasTopPromise(notes, 'R3')).toBe(true);
    expect(
      planProblemWrite(
        decideProblem(facts, [], null, detect, { open: true, hasTopPromise: hasTopPromise(notes, 'R3') }),
        context(null),
        policy,
      ),
    ).toMatchObject({ kind: 'skip' });
  });

  it('leaves an earlier target where it is, still recording the promise', () => {
    const write = planProblemWrite(link, context(Date.parse('2026-04-03T08:00:00Z')), policy);
    if (write.kind !== 'link') throw new Error('link expected');
    expect(write.input.analysisTargetAt).toBeUndefined();
    expect(write.rcaDueMs).toBeUndefined();
    expect(rcaPromisesOf([write.input.note])).toHaveLength(1);
  });

  it('reads reasons in promise order and the earliest due, one promise per reason and subject', () => {
    const notes = [
      `opened\n${rcaPromiseMarker({ reason: 'repeated_incidents', subject: 'service_instance:SI', dueMs: 300 })}`,
      `linked\n${rcaPromiseMarker({ reason: 'top_incident', subject: 'R3', dueMs: 200 })}`,
      `again\n${rcaPromiseMarker({ reason: 'top_incident', subject: 'R3', dueMs: 999 })}`,
    ];
    const promises = rcaPromisesOf(notes);
    expect(reasonsOf(promises)).toEqual(['repeated_incidents', 'top_incident']);
    expect(earliestDueMs(promises)).toBe(200);
    expect(earliestDueMs([])).toBeNull();
  });
});

describe('the RCA report (issue 17 point 5, §2.3)', async () => {
  const { rcaReportAtMs, rcaStateOf } = await import('../../../../../src/domain/problems/rca-report.js');
  const { planRcaFollowUp } = await import('../../../../../src/domain/problems/rca-follow-up.js');
  const { rcaOverdueApplies } = await import('../../../../../src/domain/problems/rca-escalation.js');

  it("is the first person's note with the tag; the worker's own notes (marked) never count", () => {
    expect(
      rcaReportAtMs(
        [
          { text: 'add a note with #rca\n[xsw:problem:x]', createdAtMs: 1 },
          { text: '#RCA: expired certificate', createdAtMs: 5 },
          { text: '#rcas', createdAtMs: 3 },
        ],
        ['#rca'],
      ),
    ).toBe(5);
    expect(rcaReportAtMs([{ text: 'solved', createdAtMs: 1 }], ['#rca'])).toBeNull();
  });

  it('is due or overdue until the report is there, solved or not, and done (on time or late) after', () => {
    expect(rcaStateOf(100, null, 50)).toEqual({ state: 'due', onTime: null });
    expect(rcaStateOf(100, null, 150)).toEqual({ state: 'overdue', onTime: false });
    expect(rcaStateOf(100, 90, 150)).toEqual({ state: 'done', onTime: true });
    expect(rcaStateOf(100, 120, 150)).toEqual({ state: 'done', onTime: false });
  });

  it('keeps following up a solved problem without its report, and stops once the report is on it', () => {
    const problem = { id: 'P', label: '#1', status: 'solved', analysisTargetAtMs: 100, noteTexts: [] };
    const policy = { warningBusinessDays: 0, serviceSupportManagerId: 'P-SSM', calendar: {} as never, format: () => 'x' };
    expect(planRcaFollowUp(problem, 'overdue', 150, policy).action).toBe('note');
    expect(rcaOverdueApplies(problem, 'overdue', 150)).toBe(true);
    expect(planRcaFollowUp({ ...problem, rcaReportAtMs: 90 }, 'overdue', 150, policy).action).toBe('none');
    expect(rcaOverdueApplies({ ...problem, rcaReportAtMs: 90 }, 'overdue', 150)).toBe(false);
    expect(rcaOverdueApplies({ ...problem, status: 'declined' }, 'overdue', 150)).toBe(false);
  });
});
