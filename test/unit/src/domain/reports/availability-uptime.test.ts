import { describe, expect, it } from 'vitest';
import { outagesFromUptime, summariseAvailability } from '../../../../../src/domain/reports/availability.js';
import { availabilityTargetsFor, judgeAvailability } from '../../../../../src/domain/reports/availability-targets.js';
import { monthPeriod, previousMonthOf } from '../../../../../src/domain/reports/month-period.js';
import { calendarOf, ms } from '../../../../helpers/calendar.js';

const MIN = 60_000;
const period = { fromMs: ms('2026-08-03T00:00:00Z'), toMs: ms('2026-08-03T01:00:00Z') };
const at = (hhmm: string) => ms(`2026-08-03T${hhmm}:00Z`);

describe('outagesFromUptime', () => {
  it.each([
    ['up all along', [{ fromMs: at('00:00'), toMs: at('01:00') }], []],
    ['nothing seen: down all along', [], [period]],
    [
      'a gap between two runs',
      [
        { fromMs: at('00:00'), toMs: at('00:20') },
        { fromMs: at('00:30'), toMs: at('01:00') },
      ],
      [{ fromMs: at('00:20'), toMs: at('00:30') }],
    ],
    [
      'runs that touch leave no gap',
      [
        { fromMs: at('00:00'), toMs: at('00:30') },
        { fromMs: at('00:30'), toMs: at('01:00') },
      ],
      [],
    ],
    [
      'two processes overlapping cover each other',
      [
        { fromMs: at('00:00'), toMs: at('00:40') },
        { fromMs: at('00:10'), toMs: at('01:00') },
      ],
      [],
    ],
    [
      'late start and early end are down',
      [{ fromMs: at('00:05'), toMs: at('00:50') }],
      [
        { fromMs: at('00:00'), toMs: at('00:05') },
        { fromMs: at('00:50'), toMs: at('01:00') },
      ],
    ],
    [
      'runs outside the period are ignored',
      [
        { fromMs: at('00:00') - 10 * MIN, toMs: at('00:00') },
        { fromMs: at('01:00'), toMs: at('01:00') + MIN },
      ],
      [period],
    ],
  ])('%s', (_name, ups, expected) => {
    expect(outagesFromUptime(ups, period)).toEqual(expected);
  });
});

describe('availability targets', () => {
  const calendar = calendarOf('Europe/Amsterdam');
  // Monday 3 August 2026, office hours 08:30–17:30 CEST = 06:30Z–15:30Z: 540 minutes.
  const day = { fromMs: ms('2026-08-03T00:00:00+02:00'), toMs: ms('2026-08-04T00:00:00+02:00') };
  const down = (minutes: number, startZ = '2026-08-03T07:00:00Z') => [{ fromMs: ms(startZ), toMs: ms(startZ) + minutes * MIN }];

  it('are 99.5 % / 95 % hosted and 97.5 % / none on premise, at most 3 interruptions', () => {
    expect(availabilityTargetsFor('cloud')).toEqual({ officeHoursPercent: 99.5, outsideOfficeHoursPercent: 95, maxInterruptions: 3 });
    expect(availabilityTargetsFor('on_premise')).toEqual({
      officeHoursPercent: 97.5,
      outsideOfficeHoursPercent: null,
      maxInterruptions: 3,
    });
  });

  it('judges on the milliseconds: 99.5 % exactly meets the target, one millisecond more down does not', () => {
    // 0.5 % of 540 office minutes is 2.7 minutes = 162 s.
    const exactly = summariseAvailability([{ fromMs: ms('2026-08-03T07:00:00Z'), toMs: ms('2026-08-03T07:02:42Z') }], day, calendar);
    expect(exactly.officeHours.percent).toBe(99.5);
    expect(judgeAvailability(exactly, availabilityTargetsFor('cloud')).officeHoursMet).toBe(true);
    const worse = summariseAvailability([{ fromMs: ms('2026-08-03T07:00:00Z'), toMs: ms('2026-08-03T07:02:42Z') + 1 }], day, calendar);
    expect(worse.officeHours.percent).toBe(99.5); // rounds to 99.5 but is 99.49999996… %
    expect(judgeAvailability(worse, availabilityTargetsFor('cloud')).officeHoursMet).toBe(false);
  });

  it('on premise: 10 office minutes down meets 97.5 % but not 99.5 %, and nothing is judged outside office hours', () => {
    const report = summariseAvailability(down(10), day, calendar);
    expect(judgeAvailability(report, availabilityTargetsFor('cloud'))).toEqual({
      officeHoursMet: false,
      outsideOfficeHoursMet: true,
      interruptionsMet: true,
    });
    expect(judgeAvailability(report, availabilityTargetsFor('on_premise'))).toEqual({
      officeHoursMet: true,
      outsideOfficeHoursMet: null,
      interruptionsMet: true,
    });
  });

  it('four interruptions miss the interruption target', () => {
    const four = [0, 1, 2, 3].map((h) => ({
      fromMs: ms('2026-08-03T18:00:00Z') + h * 60 * MIN,
      toMs: ms('2026-08-03T18:00:00Z') + h * 60 * MIN + MIN,
    }));
    expect(judgeAvailability(summariseAvailability(four, day, calendar), availabilityTargetsFor('cloud')).interruptionsMet).toBe(false);
    expect(judgeAvailability(summariseAvailability(four.slice(1), day, calendar), availabilityTargetsFor('cloud')).interruptionsMet).toBe(
      true,
    );
  });
});

describe('monthPeriod', () => {
  it('is the calendar month in the zone', () => {
    expect(monthPeriod('2026-08', 'Europe/Amsterdam')).toEqual({
      fromMs: ms('2026-08-01T00:00:00+02:00'),
      toMs: ms('2026-09-01T00:00:00+02:00'),
    });
    // October holds the end of summer time: 31 days and one hour.
    const october = monthPeriod('2026-10', 'Europe/Amsterdam');
    expect(october).toEqual({ fromMs: ms('2026-10-01T00:00:00+02:00'), toMs: ms('2026-11-01T00:00:00+01:00') });
  });

  it.each(['2026-13', '2026-8', 'August', '2026-08-01', ''])('refuses %j', (text) => {
    expect(monthPeriod(text, 'UTC')).toBeNull();
  });

  it('defaults to the month before now, in the zone', () => {
    expect(previousMonthOf(ms('2026-09-01T00:30:00+02:00'), 'Europe/Amsterdam')).toBe('2026-08');
    // Still 31 August in UTC, but 1 September in Amsterdam.
    expect(previousMonthOf(ms('2026-08-31T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-08');
    expect(previousMonthOf(ms('2026-01-15T12:00:00Z'), 'UTC')).toBe('2025-12');
  });
});

describe("the worker's own series: AVAILABILITY_GRACE_SECONDS", () => {
  it('a month with a 90 s worker restart: no downtime and no interruption under the 120 s grace; a 3 min gap is both', async () => {
    const { withoutShortGaps } = await import('../../../../../src/domain/reports/availability.js');
    const august = { fromMs: ms('2026-08-01T00:00:00+02:00'), toMs: ms('2026-09-01T00:00:00+02:00') };
    const calendar = calendarOf('Europe/Amsterdam');
    // Up all month but for a restart at Monday 3 August 10:00:00–10:01:30 CEST (in office hours).
    const restart = { fromMs: ms('2026-08-03T10:00:00+02:00'), toMs: ms('2026-08-03T10:01:30+02:00') };
    const ups = [
      { fromMs: august.fromMs, toMs: restart.fromMs },
      { fromMs: restart.toMs, toMs: august.toMs },
    ];
    const outages = outagesFromUptime(ups, august);
    expect(outages).toEqual([restart]);
    const graced = summariseAvailability(withoutShortGaps(outages, 120_000), august, calendar);
    expect(graced).toMatchObject({ interruptions: 0, officeHours: { percent: 100 }, outsideOfficeHours: { percent: 100 } });
    // Without grace the 90 s count: 1 interruption, 90 s down of 21 office days × 9 h = 680 400 s → 99.987 %.
    const raw = summariseAvailability(withoutShortGaps(outages, 0), august, calendar);
    expect(raw).toMatchObject({ interruptions: 1, officeHours: { percent: 99.987 } });
    const longer = [{ fromMs: restart.fromMs, toMs: restart.fromMs + 180_000 }];
    expect(summariseAvailability(withoutShortGaps(longer, 120_000), august, calendar).interruptions).toBe(1);
  });
});
