import { describe, expect, it } from 'vitest';
import { promiseReportAtMs, rcaCoverageOf, rcaFactsOf, rcaFollowUpTargetMs } from '../../../../../src/domain/problems/rca-coverage.js';
import { rcaPromiseMarker, rcaPromisesOf, rcaPromisesOfNotes } from '../../../../../src/domain/problems/rca-promises.js';
import { planRcaFollowUp } from '../../../../../src/domain/problems/rca-follow-up.js';
import { rcaOverdueApplies } from '../../../../../src/domain/problems/rca-escalation.js';
import { planProblemWrite } from '../../../../../src/domain/problems/plan-problem-write.js';
import { planCustomerRca } from '../../../../../src/domain/problems/rca-request.js';
import type { IncidentRow } from '../../../../../src/domain/problems/incident-row.js';

const ms = (iso: string) => Date.parse(iso);
const r1 = { reason: 'top_incident' as const, subject: 'r1', dueMs: ms('2026-04-03T09:00:00Z') };
const r2 = { reason: 'top_incident' as const, subject: 'r2', dueMs: ms('2026-04-10T09:00:00Z') };
// The example: r1 opens the problem on 03-03, the #rca report on 03-05, r2 linked on 03-10.
const notes = [
  { text: `opened\n${rcaPromiseMarker(r1)}`, createdAtMs: ms('2026-03-03T09:00:00Z') },
  { text: 'RCA report #rca: the disk filled up', createdAtMs: ms('2026-03-05T09:00:00Z') },
  { text: `linked\n${rcaPromiseMarker(r2)}`, createdAtMs: ms('2026-03-10T09:00:00Z') },
];

describe('an RCA report covers the promises made before it, not later ones (§2.3, §3.3)', () => {
  it('reads each promise with when its marker note went on the problem', () => {
    expect(rcaPromisesOfNotes(notes)).toEqual([
      { ...r1, promisedAtMs: ms('2026-03-03T09:00:00Z') },
      { ...r2, promisedAtMs: ms('2026-03-10T09:00:00Z') },
    ]);
  });

  it('covers a promise by the first report at or after it', () => {
    const times = [ms('2026-03-05T09:00:00Z'), ms('2026-03-20T09:00:00Z')];
    expect(promiseReportAtMs({ promisedAtMs: ms('2026-03-03T09:00:00Z') }, times)).toBe(times[0]);
    expect(promiseReportAtMs({ promisedAtMs: ms('2026-03-05T09:00:00Z') }, times)).toBe(times[0]);
    expect(promiseReportAtMs({ promisedAtMs: ms('2026-03-10T09:00:00Z') }, times)).toBe(times[1]);
    expect(promiseReportAtMs({ promisedAtMs: ms('2026-03-21T09:00:00Z') }, times)).toBeNull();
  });

  it("leaves r2's promise uncovered by the report written before r2: the problem's RCA is not done", () => {
    const facts = rcaFactsOf(notes, ['#rca']);
    expect(facts.reportTimesMs).toEqual([ms('2026-03-05T09:00:00Z')]);
    expect(facts).toMatchObject({ coveredAtMs: null, openDueMs: r2.dueMs });
  });

  it('is done once a later report covers r2 too, at that report', () => {
    const later = [...notes, { text: 'RCA of r2 #rca', createdAtMs: ms('2026-03-25T09:00:00Z') }];
    expect(rcaFactsOf(later, ['#rca'])).toMatchObject({ coveredAtMs: ms('2026-03-25T09:00:00Z'), openDueMs: null });
  });

  it('as of a date, leaves out promises made and reports written after it', () => {
    const promises = rcaPromisesOfNotes(notes);
    const times = [ms('2026-03-05T09:00:00Z')];
    expect(rcaCoverageOf(promises, times, ms('2026-03-07T00:00:00Z'))).toEqual({ coveredAtMs: times[0], openDueMs: null });
    expect(rcaCoverageOf(promises, times, ms('2026-03-04T00:00:00Z'))).toEqual({ coveredAtMs: null, openDueMs: r1.dueMs });
  });

  it('keeps the old rule where only texts are known: any report covers every promise', () => {
    const promises = rcaPromisesOf(notes.map((n) => n.text));
    expect(promises).toEqual([r1, r2]);
    expect(rcaCoverageOf(promises, [ms('2026-03-05T09:00:00Z')])).toEqual({ coveredAtMs: ms('2026-03-05T09:00:00Z'), openDueMs: null });
    expect(rcaCoverageOf([], [ms('2026-03-05T09:00:00Z')]).coveredAtMs).toBe(ms('2026-03-05T09:00:00Z'));
    expect(rcaCoverageOf([], [])).toEqual({ coveredAtMs: null, openDueMs: null });
  });
});

describe('the RCA follow-up works to the earliest promise still owed', () => {
  const policy = {
    warningBusinessDays: 0,
    serviceSupportManagerId: 'SSM',
    calendar: { zone: 'UTC', businessMillisBetween: () => 1 } as never,
    format: (m: number | null) => new Date(m ?? 0).toISOString(),
  };
  const problem = {
    id: 'P1',
    label: '#1',
    status: 'assigned',
    analysisTargetAtMs: r1.dueMs,
    noteTexts: notes.map((n) => n.text),
    rcaReportAtMs: null,
    openRcaDueMs: r2.dueMs,
  };

  it("takes the uncovered promise's due over the spent target, or a later target a problem manager agreed", () => {
    expect(rcaFollowUpTargetMs(r1.dueMs, r2.dueMs)).toBe(r2.dueMs);
    expect(rcaFollowUpTargetMs(ms('2026-05-01T00:00:00Z'), r2.dueMs)).toBe(ms('2026-05-01T00:00:00Z'));
    expect(rcaFollowUpTargetMs(null, r2.dueMs)).toBe(r2.dueMs);
    expect(rcaFollowUpTargetMs(r1.dueMs, null)).toBe(r1.dueMs);
  });

  it("waits past r1's date and escalates r2's once its own date passed", () => {
    expect(planRcaFollowUp(problem, 'overdue', ms('2026-04-05T00:00:00Z'), policy)).toEqual({ action: 'wait', untilMs: r2.dueMs });
    expect(rcaOverdueApplies(problem, 'overdue', ms('2026-04-05T00:00:00Z'))).toBe(false);
    const late = planRcaFollowUp(problem, 'overdue', ms('2026-04-11T00:00:00Z'), policy);
    expect(late.action === 'note' && late.note).toContain('overdue since 2026-04-10T09:00:00.000Z');
    expect(rcaOverdueApplies(problem, 'overdue', ms('2026-04-11T00:00:00Z'))).toBe(true);
    expect(
      planRcaFollowUp(
        { ...problem, rcaReportAtMs: ms('2026-04-09T00:00:00Z'), openRcaDueMs: null },
        'overdue',
        ms('2026-04-11T00:00:00Z'),
        policy,
      ),
    ).toMatchObject({ action: 'none' });
  });
});

describe('a new promise on a problem whose promises all have their report', () => {
  const top: IncidentRow = {
    id: 'r2',
    label: '#2',
    subject: 'No orders',
    category: 'incident',
    impact: 'top',
    createdAtMs: ms('2026-03-10T09:00:00Z'),
    teamId: null,
    problemId: 'P1',
    serviceInstanceId: 'SI',
    serviceInstanceName: 'IV',
    serviceId: 'S',
  };
  const policy = {
    rcaDue: 'P1M',
    zone: 'UTC',
    managerId: null,
    teamId: null,
    businessMillisBetween: () => 0,
    format: (m: number | null) => new Date(m ?? 0).toISOString(),
  };
  const context = (openRcaCovered: boolean) => ({
    incident: top,
    rows: new Map([[top.id, top]]),
    sourceId: 'service_instance:SI',
    linkedRequestIds: ['r1'],
    timelineOf: () => ({ label: '#2', subject: '', registeredAtMs: 0, respondedAtMs: null, resolvedAtMs: null, escalations: [] }),
    openRcaDueMs: r1.dueMs,
    openRcaCovered,
  });
  const link = { action: 'link' as const, problemId: 'P1', requestIds: ['r2'], why: 'its own RCA', reason: 'top_incident' as const };

  it("a Top incident's later due becomes the target once the earlier target is spent, not before", () => {
    expect(planProblemWrite(link, context(true), policy)).toMatchObject({
      rcaDueMs: ms('2026-04-10T09:00:00Z'),
      input: { analysisTargetAt: '2026-04-10T09:00:00.000Z' },
    });
    const kept = planProblemWrite(link, context(false), policy);
    expect(kept).not.toHaveProperty('rcaDueMs');
    expect(kept.kind === 'link' && kept.input).not.toHaveProperty('analysisTargetAt');
  });

  it("a customer's later due becomes the target once the earlier target is spent", () => {
    const target = (rcaCovered: boolean) => ({
      problem: { id: 'P1', label: '#1', analysisTargetAtMs: r1.dueMs, noteTexts: [], rcaCovered },
    });
    const request = { atMs: ms('2026-03-12T09:00:00Z'), personId: 'C' };
    const rules = { rcaDue: 'P1M', zone: 'UTC', format: policy.format, locale: 'en' as const };
    expect(planCustomerRca('r3', request, target(true), rules).analysisTargetAt).toBe('2026-04-12T09:00:00.000Z');
    expect(planCustomerRca('r3', request, target(false), rules).analysisTargetAt).toBeNull();
  });
});
