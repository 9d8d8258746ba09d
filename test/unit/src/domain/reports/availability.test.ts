import { describe, expect, it } from 'vitest';
import { mergeOutages, outagesFromHeartbeats, summariseAvailability } from '../../../../../src/domain/reports/availability.js';
import { calendarOf, ms } from '../../../../helpers/calendar.js';

const MIN = 60_000;
const calendar = calendarOf('Europe/Amsterdam');
// November 2026 (CET): office hours 08:30–17:30 local = 07:30Z–16:30Z, Mon–Fri.
const NOV = { fromMs: ms('2026-11-01T00:00:00+01:00'), toMs: ms('2026-12-01T00:00:00+01:00') };

function beatsEvery(fromMs: number, toMs: number, everyMs: number): number[] {
  const beats: number[] = [];
  for (let t = fromMs; t < toMs; t += everyMs) beats.push(t);
  return beats;
}

describe('availability', () => {
  it('finds gaps in heartbeats longer than the grace as outages', () => {
    const period = { fromMs: ms('2026-11-02T00:00:00Z'), toMs: ms('2026-11-02T01:00:00Z') };
    const beats = [
      ...beatsEvery(period.fromMs, ms('2026-11-02T00:20:00Z'), 30_000),
      ...beatsEvery(ms('2026-11-02T00:30:00Z'), period.toMs, 30_000),
    ];
    const outages = outagesFromHeartbeats(beats, period, 90_000);
    expect(outages).toEqual([{ fromMs: ms('2026-11-02T00:21:00Z'), toMs: ms('2026-11-02T00:30:00Z') }]);
  });

  it('counts no outage for a missed beat within the grace, and counts the edges of the period', () => {
    const period = { fromMs: ms('2026-11-02T00:00:00Z'), toMs: ms('2026-11-02T00:10:00Z') };
    const beats = beatsEvery(period.fromMs, period.toMs, 30_000).filter((t) => t !== ms('2026-11-02T00:05:00Z'));
    expect(outagesFromHeartbeats(beats, period, 90_000)).toEqual([]);
    expect(outagesFromHeartbeats([], period, 90_000)).toEqual([period]);
  });

  it('merges overlapping outages from two probes into one interruption', () => {
    expect(
      mergeOutages([
        { fromMs: 5, toMs: 10 },
        { fromMs: 0, toMs: 6 },
        { fromMs: 20, toMs: 30 },
        { fromMs: 10, toMs: 12 },
      ]),
    ).toEqual([
      { fromMs: 0, toMs: 12 },
      { fromMs: 20, toMs: 30 },
    ]);
  });

  it('splits a month into office hours and the rest, counting interruptions and the longest', () => {
    const outages = [
      // 30 min inside office hours on Tuesday 3 November, 10:00–10:30 local.
      { fromMs: ms('2026-11-03T10:00:00+01:00'), toMs: ms('2026-11-03T10:30:00+01:00') },
      // 2 h at night on Saturday 7 November.
      { fromMs: ms('2026-11-07T01:00:00+01:00'), toMs: ms('2026-11-07T03:00:00+01:00') },
      // Across closing time on Monday 9 November: 17:00–18:00 local, half inside.
      { fromMs: ms('2026-11-09T17:00:00+01:00'), toMs: ms('2026-11-09T18:00:00+01:00') },
    ];
    const report = summariseAvailability(outages, NOV, calendar);
    const officeTotal = 21 * 9 * 60 * MIN; // 21 working days in November 2026
    expect(report.officeHours.totalMs).toBe(officeTotal);
    expect(report.officeHours.upMs).toBe(officeTotal - 60 * MIN);
    expect(report.outsideOfficeHours.upMs).toBe(report.outsideOfficeHours.totalMs - 150 * MIN);
    expect(report.interruptions).toBe(3);
    expect(report.longestInterruptionMs).toBe(120 * MIN);
    expect(report.officeHours.percent).toBe(99.471); // 1 − 60 / 11 340 minutes
  });

  it('clips outages to the period across a month end', () => {
    const acrossMonthEnd = [{ fromMs: ms('2026-11-30T16:00:00+01:00'), toMs: ms('2026-12-01T09:00:00+01:00') }];
    const report = summariseAvailability(acrossMonthEnd, NOV, calendar);
    expect(report.outages).toEqual([{ fromMs: ms('2026-11-30T16:00:00+01:00'), toMs: NOV.toMs }]);
    expect(report.officeHours.totalMs - report.officeHours.upMs).toBe(90 * MIN);
  });
});
