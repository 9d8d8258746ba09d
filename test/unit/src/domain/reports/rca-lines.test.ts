import { describe, expect, it } from 'vitest';
import { ownRcaStatusOf, rcaLinesOf, rcaStatusOf, type ReportProblem } from '../../../../../src/domain/reports/report-entities.js';
import { ReportProblemSchema } from '../../../../../src/reports/report-records.js';

const ms = (iso: string) => Date.parse(iso);
const problem = (over: Partial<ReportProblem>): ReportProblem => ({
  problemId: 'P1',
  number: '7',
  reason: 'repeated_incidents',
  createdAtMs: ms('2026-03-03T08:00:00Z'),
  rcaDueMs: ms('2026-04-03T08:00:00Z'),
  solvedAtMs: null,
  requestIds: ['R1', 'R2', 'R3'],
  ...over,
});

describe('the review of RCAs (issue 17 point 5)', () => {
  const promises = [
    { reason: 'repeated_incidents' as const, subject: 'service_instance:SI', dueMs: ms('2026-04-03T08:00:00Z') },
    { reason: 'top_incident' as const, subject: 'R3', dueMs: ms('2026-04-10T08:00:00Z') },
    { reason: 'customer_request' as const, subject: 'R2', dueMs: ms('2026-04-05T08:00:00Z') },
  ];

  it('lists each Top incident and customer request with its due date, report date and whether it was on time', () => {
    const lines = rcaLinesOf(
      [problem({ promises, rcaReportAtMs: ms('2026-04-07T08:00:00Z'), solvedAtMs: ms('2026-04-01T08:00:00Z') })],
      ms('2026-04-30T00:00:00Z'),
    );
    expect(lines.map((l) => [l.reason, l.requestId, l.state, l.onTime, l.reportAtMs])).toEqual([
      ['customer_request', 'R2', 'done', false, ms('2026-04-07T08:00:00Z')],
      ['top_incident', 'R3', 'done', true, ms('2026-04-07T08:00:00Z')],
    ]);
  });

  it('solved without a report is overdue after its date, not done', () => {
    const solved = problem({ promises, rcaReportAtMs: null, solvedAtMs: ms('2026-03-20T08:00:00Z') });
    expect(rcaStatusOf(solved, ms('2026-04-04T00:00:00Z'))).toBe('overdue');
    expect(rcaLinesOf([solved], ms('2026-04-06T00:00:00Z')).map((l) => [l.requestId, l.state, l.onTime])).toEqual([
      ['R2', 'overdue', false],
      ['R3', 'due', null],
    ]);
  });

  it('reads a problem kept before the report was tracked with the old rule (solved = done)', () => {
    expect(rcaStatusOf(problem({ solvedAtMs: ms('2026-03-20T08:00:00Z') }), ms('2026-04-04T00:00:00Z'))).toBe('done');
    expect(rcaLinesOf([problem({})], ms('2026-04-04T00:00:00Z'))).toEqual([]);
  });
});

describe('each Top incident its own RCA report (§2.3): a report before its promise does not cover it', () => {
  const r1 = {
    reason: 'top_incident' as const,
    subject: 'r1',
    dueMs: ms('2026-04-03T09:00:00Z'),
    promisedAtMs: ms('2026-03-03T09:00:00Z'),
  };
  const r2 = {
    reason: 'top_incident' as const,
    subject: 'r2',
    dueMs: ms('2026-04-10T09:00:00Z'),
    promisedAtMs: ms('2026-03-10T09:00:00Z'),
  };
  const kept = problem({
    reason: 'top_incident',
    rcaDueMs: ms('2026-04-10T09:00:00Z'),
    promises: [r1, r2],
    rcaReportAtMs: null,
    rcaReportTimesMs: [ms('2026-03-05T09:00:00Z')],
  });

  it("lists r1's RCA done on 03-05 and r2's due, then overdue after its own date", () => {
    const lines = (asOf: string) => rcaLinesOf([kept], ms(asOf)).map((l) => [l.requestId, l.state, l.onTime, l.reportAtMs]);
    expect(lines('2026-04-05T00:00:00Z')).toEqual([
      ['r1', 'done', true, ms('2026-03-05T09:00:00Z')],
      ['r2', 'due', null, null],
    ]);
    expect(lines('2026-04-11T00:00:00Z')[1]).toEqual(['r2', 'overdue', false, null]);
    expect(ownRcaStatusOf(kept, r2, ms('2026-04-11T00:00:00Z'))).toBe('overdue');
    expect(ownRcaStatusOf(kept, r1, ms('2026-04-11T00:00:00Z'))).toBe('done');
  });

  it('counts the problem done only once every promise made by then has its report', () => {
    expect(rcaStatusOf(kept, ms('2026-03-07T00:00:00Z'))).toBe('done');
    expect(rcaStatusOf(kept, ms('2026-04-05T00:00:00Z'))).toBe('due');
    expect(rcaStatusOf(kept, ms('2026-04-11T00:00:00Z'))).toBe('overdue');
    const both = { ...kept, rcaReportTimesMs: [ms('2026-03-05T09:00:00Z'), ms('2026-03-20T09:00:00Z')] };
    expect(rcaStatusOf(both, ms('2026-04-11T00:00:00Z'))).toBe('done');
    expect(rcaLinesOf([both], ms('2026-04-11T00:00:00Z'))[1]).toMatchObject({ state: 'done', reportAtMs: ms('2026-03-20T09:00:00Z') });
  });

  it('reads a record kept before report dates were as before: its report covers every promise', () => {
    const stored = {
      problemId: 'P1',
      number: '7',
      reason: 'top_incident',
      createdAtMs: ms('2026-03-03T09:00:00Z'),
      rcaDueMs: ms('2026-04-03T09:00:00Z'),
      solvedAtMs: null,
      requestIds: ['r1', 'r2'],
      rcaReportAtMs: ms('2026-03-05T09:00:00Z'),
      promises: [
        { reason: 'top_incident', subject: 'r1', dueMs: r1.dueMs },
        { reason: 'top_incident', subject: 'r2', dueMs: r2.dueMs },
      ],
    };
    const old = ReportProblemSchema.parse(stored);
    expect(old).not.toHaveProperty('rcaReportTimesMs');
    expect(rcaLinesOf([old], ms('2026-04-11T00:00:00Z')).map((l) => [l.requestId, l.state, l.reportAtMs])).toEqual([
      ['r1', 'done', ms('2026-03-05T09:00:00Z')],
      ['r2', 'done', ms('2026-03-05T09:00:00Z')],
    ]);
    expect(rcaStatusOf(old, ms('2026-04-11T00:00:00Z'))).toBe('done');
    expect(ownRcaStatusOf(old, old.promises?.[1], ms('2026-04-11T00:00:00Z'))).toBe('done');
  });
});

describe("the review's escalation table (issue 17 point 6)", async () => {
  const { buildSlaReport } = await import('../../../../../src/domain/reports/build-sla-report.js');
  const { CONTRACT_GOALS } = await import('../../../../../src/domain/sla/sla-policy.js');
  it("lists the period's SSM and CTO escalations with their reason, the customer's apart from the breach ladder's", () => {
    const request = {
      requestId: 'R1',
      number: '12',
      kind: 'incident' as const,
      priority: 'medium' as const,
      serviceInstance: 'SI',
      createdAtMs: ms('2026-03-02T08:00:00Z'),
      problemId: null,
    };
    const escalations = [
      { level: 'service_support_manager' as const, reason: 'breach' as const, atMs: ms('2026-03-03T08:00:00Z') },
      { level: 'service_support_manager' as const, reason: 'customer' as const, atMs: ms('2026-03-04T08:00:00Z') },
      { level: 'cto' as const, reason: 'customer' as const, atMs: ms('2026-04-02T08:00:00Z') },
    ];
    const report = buildSlaReport(
      { records: [], requests: [{ ...request, escalations }], problems: [] },
      { fromMs: ms('2026-03-01T00:00:00Z'), toMs: ms('2026-04-01T00:00:00Z'), asOfMs: ms('2026-04-01T00:00:00Z') },
      CONTRACT_GOALS,
      'Europe/Amsterdam',
    );
    expect(report.escalations.map((e) => [e.number, e.level, e.reason])).toEqual([
      ['12', 'service_support_manager', 'breach'],
      ['12', 'service_support_manager', 'customer'],
    ]);
  });
});
