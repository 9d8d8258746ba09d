import { describe, expect, it } from 'vitest';
import { buildSlaReport } from '../../../../../src/domain/reports/build-sla-report.js';
import type { ReportProblem } from '../../../../../src/domain/reports/report-entities.js';
import { parsePeriodBound, previousMonthIn } from '../../../../../src/domain/reports/report-period.js';
import { reportRequest, slaRecord } from '../../../../helpers/report-entities.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';

const H = 3_600_000;
const ZONE = 'Europe/Amsterdam';
const goals = CONTRACT_GOALS;
const z = (iso: string) => Date.parse(iso);
// March 2026 in Amsterdam: 1 March 00:00 CET = 28 Feb 23:00Z; 1 April 00:00 CEST = 31 March 22:00Z.
const MARCH = { fromMs: z('2026-02-28T23:00:00Z'), toMs: z('2026-03-31T22:00:00Z'), asOfMs: z('2026-04-05T10:00:00Z') };

const rec = slaRecord;
const req = reportRequest;
function prob(
  problemId: string,
  reason: ReportProblem['reason'],
  created: string,
  rcaDue: string,
  solved: string | null,
  requestIds: string[],
): ReportProblem {
  return {
    problemId,
    number: problemId.toUpperCase(),
    reason,
    createdAtMs: z(created),
    rcaDueMs: z(rcaDue),
    solvedAtMs: solved === null ? null : z(solved),
    requestIds,
  };
}

const t1 = [
  // Responded exactly at its due instant: met (a clock stopped at due is met).
  rec('t1', 'top', 'response', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z'),
  rec('t1', 'top', 'resolution', '2026-03-03T09:00:00Z', '2026-03-03T13:00:00Z', '2026-03-03T12:00:00Z'),
];
const t2 = [
  rec('t2', 'top', 'response', '2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z', '2026-03-10T08:20:00Z'),
  rec('t2', 'top', 'resolution', '2026-03-10T08:00:00Z', '2026-03-10T13:00:00Z', '2026-03-10T14:30:00Z', {
    breachReason: 'status at due: waiting_for',
    escalations: ['warning', 'service_support_manager'],
  }),
];
const others = [
  // Registered in February, responded in February, resolved in March: only the resolution counts in March.
  rec('h1', 'high', 'response', '2026-02-26T09:00:00Z', '2026-02-26T18:00:00Z', '2026-02-26T10:00:00Z'),
  rec('h1', 'high', 'resolution', '2026-02-26T09:00:00Z', '2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z'),
  // Registered 30 March, resolved 2 April: decided in April, so not in March.
  rec('h2', 'high', 'resolution', '2026-03-30T09:00:00Z', '2026-04-03T09:00:00Z', '2026-04-02T09:00:00Z'),
  // Waiting for the customer since 17 March: its projected due (20 March) lies before the report instant,
  // but a paused clock within target is still running.
  rec('m1', 'medium', 'resolution', '2026-03-17T09:00:00Z', '2026-03-20T09:00:00Z', null, {
    pausedSinceMs: z('2026-03-17T10:00:00Z'),
    pausedBusinessMs: 80 * H,
    pausedByReason: { waiting_for_customer: 80 * H },
  }),
  // Reopened once, completed again before its due instant: met.
  rec('l1', 'low', 'resolution', '2026-03-23T09:00:00Z', '2026-03-26T09:00:00Z', '2026-03-25T09:00:00Z', {
    reopened: 1,
    pausedBusinessMs: 2 * H,
    pausedByReason: { completed_then_reopened: 2 * H },
  }),
];
const requests = [
  req('t1', 'incident', 'top', '2026-03-03T09:00:00Z'),
  req('t2', 'incident', 'top', '2026-03-10T08:00:00Z', 'p2'),
  req('t3', 'incident', 'top', '2026-03-31T21:00:00Z'),
  req('h1', 'incident', 'high', '2026-02-26T09:00:00Z'),
  req('h2', 'incident', 'high', '2026-03-30T09:00:00Z'),
  req('m1', 'incident', 'medium', '2026-03-17T09:00:00Z'),
  req('l1', 'incident', 'low', '2026-03-23T09:00:00Z'),
  req('i1', 'rfi', null, '2026-03-04T09:00:00Z'),
  req('i2', 'rfi', null, '2026-03-31T21:59:59Z'),
  req('c1', 'rfc', null, '2026-03-05T09:00:00Z'),
  req('c2', 'rfc', null, '2026-03-31T22:00:00Z'), // 1 April 00:00 Amsterdam: April
];
const problems = [
  prob('p1', 'top_incident', '2026-03-03T09:05:00Z', '2026-04-03T09:00:00Z', '2026-03-20T12:00:00Z', ['t1']),
  prob('p2', 'top_incident', '2026-03-10T08:05:00Z', '2026-04-10T08:00:00Z', null, []), // linked through the request's problem
  prob('p3', 'repeated_incidents', '2026-03-15T10:00:00Z', '2026-04-01T10:00:00Z', null, ['x1', 'x2']),
  prob('p0', 'repeated_incidents', '2026-02-10T10:00:00Z', '2026-03-10T10:00:00Z', null, ['x0']),
];

describe('buildSlaReport', () => {
  it('meets the Top goal at exactly 100 %, and one breach fails it', () => {
    const alone = buildSlaReport({ records: t1, requests, problems }, MARCH, goals, ZONE);
    expect(alone.priorities[0]).toMatchObject({
      priority: 'top',
      requests: 1,
      goalPercent: 100,
      goalMet: true,
      response: { met: 1, withinTargetPercent: 100 },
      resolution: { met: 1, withinTargetPercent: 100 },
    });
    const withBreach = buildSlaReport({ records: [...t1, ...t2], requests, problems }, MARCH, goals, ZONE);
    expect(withBreach.priorities[0]).toMatchObject({
      requests: 2,
      goalMet: false,
      response: { withinTargetPercent: 100 },
      resolution: { met: 1, breached: 1, withinTargetPercent: 50 },
    });
    expect(withBreach.breaches).toEqual([
      expect.objectContaining({
        requestId: 't2',
        target: 'resolution',
        lateByMs: 1.5 * H,
        reason: 'status at due: waiting_for',
        escalations: ['warning', 'service_support_manager'],
      }),
    ]);
  });

  it('counts targets in the period they were decided, paused clocks as running, reopened requests by their last completion', () => {
    const report = buildSlaReport({ records: [...t1, ...t2, ...others], requests, problems }, MARCH, goals, ZONE);
    const [, high, medium, low] = report.priorities;
    expect(high).toMatchObject({ requests: 1, response: { decided: 0 }, resolution: { decided: 1, met: 1 }, goalMet: true });
    expect(medium).toMatchObject({ requests: 1, resolution: { decided: 0, running: 1 }, goalMet: null });
    expect(low).toMatchObject({ resolution: { met: 1, withinTargetPercent: 100 } });
    expect(report.breaches.map((b) => b.requestId)).toEqual(['t2']);
  });

  it('counts requests by kind, Top incidents with their problem and RCA status, and problems by reason', () => {
    const report = buildSlaReport({ records: [], requests, problems }, MARCH, goals, ZONE);
    // Incidents t1, t2, t3 (21:00Z on 31 March is 23:00 in Amsterdam), h2, m1, l1; h1 was registered in February.
    expect(report.registered).toEqual({ incident: 6, rfi: 2, rfc: 1, other: 0 });
    expect(report.topIncidents.map((t) => [t.requestId, t.problemId, t.rcaStatus])).toEqual([
      ['t1', 'p1', 'done'],
      ['t2', 'p2', 'due'],
      ['t3', null, null],
    ]);
    // p0 was opened in February; p3's RCA was due 1 April, the report is made 5 April.
    expect(report.problems).toEqual({
      opened: 3,
      byReason: { top_incident: 2, repeated_incidents: 1, customer_request: 0 },
      rca: { due: 1, overdue: 1, done: 1 },
    });
  });

  it("judges a Top incident linked to a repeat problem by its own RCA promise, not the problem's earlier target", () => {
    // t2 joins p0, the repeats' problem due 10 March; its own promise is due 10 April.
    const p0 = {
      ...prob('p0', 'repeated_incidents', '2026-02-10T10:00:00Z', '2026-03-10T10:00:00Z', null, ['x0', 't2']),
      promises: [
        { reason: 'repeated_incidents' as const, subject: 'x0', dueMs: z('2026-03-10T10:00:00Z') },
        { reason: 'top_incident' as const, subject: 't2', dueMs: z('2026-04-10T08:00:00Z') },
      ],
    };
    const report = buildSlaReport({ records: [], requests, problems: [p0] }, MARCH, goals, ZONE);
    expect(report.topIncidents.find((t) => t.requestId === 't2')).toMatchObject({
      problemId: 'p0',
      rcaDueMs: z('2026-04-10T08:00:00Z'),
      rcaStatus: 'due',
    });
  });

  it('gives a trend per week from Monday, clipped to the period', () => {
    const report = buildSlaReport({ records: [...t1, ...t2, ...others], requests, problems }, MARCH, goals, ZONE);
    // 1 March 2026 is a Sunday: the first week is that one day; the last runs 30–31 March.
    expect(report.weeks.map((w) => new Date(w.fromMs).toISOString().slice(0, 10))).toEqual([
      '2026-02-28',
      '2026-03-01',
      '2026-03-08',
      '2026-03-15',
      '2026-03-22',
      '2026-03-29',
    ]);
    expect(report.weeks.map((w) => [w.incidents, w.responseWithinPercent, w.resolutionWithinPercent, w.breaches])).toEqual([
      [0, null, null, 0],
      [1, 100, 100, 0], // t1 response and resolution, h1 resolution (2 March)
      [1, 100, 0, 1], // t2: response met, resolution breached at 13:00Z on 10 March
      [1, null, null, 0], // m1 registered, paused
      [1, null, 100, 0], // l1 resolved 25 March
      [2, null, null, 0], // h2 registered 30 March; t3 on 31 March
    ]);
  });
});

describe('report periods', () => {
  it('defaults to the previous calendar month in the support time zone', () => {
    // 1 April 2026 00:30 in Amsterdam (22:30Z on 31 March): the previous month is March.
    expect(previousMonthIn(ZONE, z('2026-03-31T22:30:00Z'))).toEqual({ ...MARCH, asOfMs: z('2026-03-31T22:30:00Z') });
  });

  it('reads dates in the zone (a `to` date includes its day) and instants with an offset as given', () => {
    expect(parsePeriodBound('2026-03-01', ZONE, 'from')).toBe(MARCH.fromMs);
    expect(parsePeriodBound('2026-03-31', ZONE, 'to')).toBe(MARCH.toMs);
    expect(parsePeriodBound('2026-03-05T10:00:00+01:00', ZONE, 'to')).toBe(z('2026-03-05T09:00:00Z'));
    expect([
      parsePeriodBound('2026-03-05T10:00:00', ZONE, 'from'),
      parsePeriodBound('March', ZONE, 'from'),
      parsePeriodBound('2026-02-30', ZONE, 'from'),
    ]).toEqual([null, null, null]);
  });
});
