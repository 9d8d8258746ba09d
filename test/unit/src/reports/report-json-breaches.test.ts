import { describe, expect, it } from 'vitest';
import { buildSlaReport } from '../../../../src/domain/reports/build-sla-report.js';
import { CONTRACT_GOALS } from '../../../../src/domain/sla/sla-policy.js';
import { reportToJson } from '../../../../src/reports/report-json.js';
import { reportRequest, slaRecord } from '../../../helpers/report-entities.js';

const ZONE = 'Europe/Amsterdam';
const z = (iso: string) => Date.parse(iso);
const MARCH = { fromMs: z('2026-02-28T23:00:00Z'), toMs: z('2026-03-31T22:00:00Z'), asOfMs: z('2026-04-05T10:00:00Z') };

describe('the report JSON of a breached resolution under the root-cause start (§3.2)', () => {
  const breach = (rootCauseAtMs: number | null | undefined) => {
    const record = slaRecord('t1', 'top', 'resolution', '2026-03-03T10:00:00Z', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z');
    const withRootCause = rootCauseAtMs === undefined ? record : { ...record, rootCauseAtMs };
    const report = buildSlaReport(
      { records: [withRootCause], requests: [reportRequest('t1', 'incident', 'top', '2026-03-03T09:00:00Z')], problems: [] },
      MARCH,
      CONTRACT_GOALS,
      ZONE,
    );
    return reportToJson(report, ZONE).breaches[0];
  };

  it('says when the root cause was determined, or that none was recorded, and nothing under the registration start', () => {
    expect(breach(z('2026-03-03T10:00:00Z'))).toMatchObject({ rootCauseAt: '2026-03-03T10:00:00.000Z', noRootCauseRecorded: false });
    expect(breach(null)).toMatchObject({ rootCauseAt: null, noRootCauseRecorded: true });
    expect(breach(undefined)).not.toHaveProperty('rootCauseAt');
  });
});
