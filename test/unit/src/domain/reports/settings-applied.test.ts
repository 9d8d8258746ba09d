import { describe, expect, it } from 'vitest';
import { buildSlaReport } from '../../../../../src/domain/reports/build-sla-report.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';
import { slaRecord } from '../../../../helpers/report-entities.js';

const H = 3_600_000;
const z = (iso: string) => Date.parse(iso);
const MARCH = { fromMs: z('2026-02-28T23:00:00Z'), toMs: z('2026-03-31T22:00:00Z'), asOfMs: z('2026-04-05T10:00:00Z') };
const created = { allowedMs: 18 * H, resolutionClockStart: 'created', responseBy: 'status' };
const rootCause = { allowedMs: 18 * H, resolutionClockStart: 'root_cause', responseBy: 'person' };

describe('stable closed periods: the report states the settings that applied', () => {
  it('lists each rule the counted records were decided under, and the records from before rules were kept', () => {
    // RESOLUTION_CLOCK_START changed mid-March: h1 was registered under `created`, h2 and h3 under `root_cause`.
    const records = [
      slaRecord('h1', 'high', 'resolution', '2026-03-02T08:00:00Z', '2026-03-04T08:00:00Z', '2026-03-03T08:00:00Z', { rule: created }),
      slaRecord('h2', 'high', 'resolution', '2026-03-16T10:00:00Z', '2026-03-18T10:00:00Z', '2026-03-17T08:00:00Z', { rule: rootCause }),
      slaRecord('h3', 'high', 'resolution', '2026-03-23T10:00:00Z', '2026-03-25T10:00:00Z', '2026-03-24T08:00:00Z', { rule: rootCause }),
      slaRecord('old', 'low', 'resolution', '2026-03-02T08:00:00Z', '2026-03-12T08:00:00Z', '2026-03-03T08:00:00Z'),
      // Decided in April: not behind March's figures.
      slaRecord('april', 'high', 'resolution', '2026-03-31T10:00:00Z', '2026-04-02T10:00:00Z', '2026-04-01T10:00:00Z', {
        rule: { ...rootCause, allowedMs: 9 * H },
      }),
    ];
    const report = buildSlaReport({ records, requests: [], problems: [] }, MARCH, CONTRACT_GOALS, 'Europe/Amsterdam');
    expect(report.settings).toEqual({
      goals: CONTRACT_GOALS,
      rules: [
        { priority: 'high', target: 'resolution', ...created, records: 1 },
        { priority: 'high', target: 'resolution', ...rootCause, records: 2 },
      ],
      recordsWithoutRule: 1,
    });
    // Run again a month later (as of May): March's figures and settings are the same.
    const later = buildSlaReport(
      { records, requests: [], problems: [] },
      { ...MARCH, asOfMs: z('2026-05-05T10:00:00Z') },
      CONTRACT_GOALS,
      'Europe/Amsterdam',
    );
    expect(later.settings).toEqual(report.settings);
    expect(later.goals).toEqual(report.goals);
  });
});
