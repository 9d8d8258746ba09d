import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../../src/domain/calendar/business-calendar.js';
import { weeklyBusinessMinutes, type TimeWindow } from '../../../../../src/domain/calendar/weekly-hours.js';
import { naiveAdd, naiveBetween, type NaiveCalendar } from '../../../../helpers/naive-business-time.js';

// Every offset and clock change of these zones lies on a 15-minute grid, so the naive clock,
// stepping 15 minutes, is exact when windows are on that grid too. They cover DST in both
// hemispheres, half- and quarter-hour offsets, a 30-minute DST (Lord Howe) and changes at
// midnight (Santiago).
const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Europe/London',
  'UTC',
];
const STEP = 15 * 60_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** 0–2 windows per weekday on the 15-minute grid, some ending at 24:00; at least one day open. */
const windowsArb: fc.Arbitrary<TimeWindow[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 4 })
  .map((edges) => edges.sort((a, b) => a - b))
  .map((edges) => {
    const windows: TimeWindow[] = [];
    for (let i = 0; i + 1 < edges.length; i += 2)
      windows.push({ startMinute: (edges[i] as number) * 15, endMinute: (edges[i + 1] as number) * 15 });
    return windows;
  });

const calendarArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekly: fc.array(windowsArb, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }),
  })
  .filter((c) => weeklyBusinessMinutes(c.weekly) >= 60)
  .map((c) => ({ ...c, holidays: c.holidays.map((day) => new Date(FROM + day * 86_400_000).toISOString().slice(0, 10)) }));

const instantArb = fc.integer({ min: FROM, max: TO - 30 * 86_400_000 });

function both(spec: { zone: string; weekly: TimeWindow[][]; holidays: string[] }) {
  const real = createBusinessCalendar({ zone: spec.zone, weekly: spec.weekly, holidays: { dates: spec.holidays, regions: [] } });
  const naive: NaiveCalendar = { zone: spec.zone, weekly: spec.weekly, holidays: new Set(spec.holidays), stepMs: STEP };
  return { real, naive };
}

const RUNS = { numRuns: 300 };

describe('business calendar against a naive stepping clock', () => {
  it('adds business time exactly as stepping does', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (spec, start, share) => {
        // Up to one week's business time, to the millisecond.
        const millis = Math.floor(share * weeklyBusinessMinutes(spec.weekly) * 60_000);
        const { real, naive } = both(spec);
        expect(real.addBusinessMillis(start, millis)).toBe(naiveAdd(naive, start, millis));
      }),
      RUNS,
    );
  });

  it('measures business time exactly as stepping does', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 10 * 86_400_000 }), (spec, from, length) => {
        const { real, naive } = both(spec);
        expect(real.businessMillisBetween(from, from + length)).toBe(naiveBetween(naive, from, from + length));
      }),
      RUNS,
    );
  });

  it('inverse: elapsed(t, add(t, D)) = D, and add(t, elapsed(t, u)) is the earliest instant with that much', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        (spec, t, millis, gap) => {
          const { real } = both(spec);
          expect(real.businessMillisBetween(t, real.addBusinessMillis(t, millis))).toBe(millis);
          const u = t + gap;
          const back = real.addBusinessMillis(t, real.businessMillisBetween(t, u));
          expect(back).toBeLessThanOrEqual(u);
          expect(real.businessMillisBetween(back, u)).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
