import { describe, expect, it } from 'vitest';
import { buildSlaReport } from '../../../../../src/domain/reports/build-sla-report.js';
import { disruptionsOf, integrationServiceAvailability } from '../../../../../src/domain/reports/disruptions.js';
import type { ReportRequest } from '../../../../../src/domain/reports/report-entities.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';
import { calendarOf, ms } from '../../../../helpers/calendar.js';

const ZONE = 'Europe/Amsterdam';
const calendar = calendarOf(ZONE);
// March 2026 in Amsterdam: 22 weekdays × 9 office hours = 11 880 office minutes; 31 days less the
// DST hour (29 March) = 44 580 minutes, so 32 700 minutes outside office hours.
const MARCH = { fromMs: ms('2026-03-01T00:00:00+01:00'), toMs: ms('2026-04-01T00:00:00+02:00'), asOfMs: ms('2026-04-02T09:00:00+02:00') };
const ACME = { id: 'acme', name: 'Acme' };

function top(
  id: string,
  created: string,
  completed: string | null,
  downtime: [string, string | null] | null = null,
  over: Partial<ReportRequest> = {},
): ReportRequest {
  return {
    requestId: id,
    number: id.toUpperCase(),
    kind: 'incident',
    priority: 'top',
    serviceInstance: 'iv',
    createdAtMs: ms(created),
    problemId: null,
    customer: ACME,
    inSla: true,
    downtimeStartMs: downtime ? ms(downtime[0]) : null,
    downtimeEndMs: downtime?.[1] ? ms(downtime[1]) : null,
    completedAtMs: completed ? ms(completed) : null,
    ...over,
  };
}

// With Xurrent's downtime fields: registered Tue 10 March 09:00, down 09:30–11:30 (120 office minutes), resolved 14:00.
const withFields = top('d1', '2026-03-10T09:00:00+01:00', '2026-03-10T14:00:00+01:00', [
  '2026-03-10T09:30:00+01:00',
  '2026-03-10T11:30:00+01:00',
]);
// Without: registered Thu 12 March 17:00, resolved 18:30: 30 office minutes, 60 outside.
const withoutFields = top('d2', '2026-03-12T17:00:00+01:00', '2026-03-12T18:30:00+01:00');

describe("the IV Integratiedienst's availability from its disruptions (§3.1)", () => {
  it("takes Xurrent's downtime when filled in, else registration to resolution; only Top incidents in scope", () => {
    const high = { ...top('h1', '2026-03-11T09:00:00+01:00', '2026-03-11T10:00:00+01:00'), priority: 'high' as const };
    const outside = top('o1', '2026-03-11T09:00:00+01:00', '2026-03-11T10:00:00+01:00', null, { inSla: false });
    expect(
      disruptionsOf([withFields, withoutFields, high, outside], MARCH.asOfMs).map((d) => [d.requestId, d.source, d.toMs - d.fromMs]),
    ).toEqual([
      ['d1', 'xurrent_downtime', 120 * 60_000],
      ['d2', 'registration_to_resolution', 90 * 60_000],
    ]);
  });

  it('cloud: 150 office minutes down of 11 880 = 98.737 % (below 99.5), 60 of 32 700 outside = 99.817 % (above 95), 2 interruptions of at most 3', () => {
    const [march] = integrationServiceAvailability([withFields, withoutFields], MARCH, ZONE, calendar, [ACME], () => 'cloud');
    expect(march).toMatchObject({
      month: '2026-03',
      customer: ACME,
      deployment: 'cloud',
      report: {
        officeHours: { percent: 98.737, totalMs: 11_880 * 60_000, upMs: 11_730 * 60_000 },
        outsideOfficeHours: { percent: 99.817, totalMs: 32_700 * 60_000 },
        interruptions: 2,
      },
      verdict: { officeHoursMet: false, outsideOfficeHoursMet: true, interruptionsMet: true },
    });
  });

  it('on premise: 98.737 % meets 97.5 in office hours, no target outside', () => {
    const [march] = integrationServiceAvailability([withFields, withoutFields], MARCH, ZONE, calendar, [ACME], () => 'on_premise');
    expect(march?.targets).toEqual({ officeHoursPercent: 97.5, outsideOfficeHoursPercent: null, maxInterruptions: 3 });
    expect(march?.verdict).toEqual({ officeHoursMet: true, outsideOfficeHoursMet: null, interruptionsMet: true });
  });

  it('per customer in the report: each customer only its own disruptions, against its own deployment', () => {
    const globex = { id: 'globex', name: 'Globex' };
    const other = top('g1', '2026-03-16T10:00:00+01:00', '2026-03-16T11:00:00+01:00', null, { customer: globex });
    const report = buildSlaReport(
      { records: [], requests: [withFields, withoutFields, other], problems: [] },
      MARCH,
      CONTRACT_GOALS,
      ZONE,
      null,
      {
        officeHours: calendar,
        deploymentOf: (c) => (c?.id === 'globex' ? 'on_premise' : 'cloud'),
      },
    );
    expect(
      report.integrationService?.map((m) => [m.customer?.id, m.deployment, m.report.interruptions, m.report.officeHours.percent]),
    ).toEqual([
      ['acme', 'cloud', 2, 98.737],
      // 60 office minutes of 11 880: 99.495 %.
      ['globex', 'on_premise', 1, 99.495],
    ]);
  });
});
