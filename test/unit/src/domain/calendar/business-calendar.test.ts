import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, calendarOf, iso, ms } from '../../../../helpers/calendar.js';

const AMS = 'Europe/Amsterdam';
const SPLIT = 'Mon-Thu 08:30-12:00,13:00-17:30; Fri 08:30-15:00';

// Each row: calendar, start, business time to add, expected due instant (all UTC).
// Amsterdam 08:30–17:30 is 07:30Z–16:30Z in winter (CET) and 06:30Z–15:30Z in summer (CEST).
const addCases: { name: string; zone: string; hours?: string; holidays?: string[]; start: string; add: number; due: string }[] = [
  { name: 'before opening', zone: AMS, start: '2026-01-12T06:00:00Z', add: HOUR, due: '2026-01-12T08:30:00.000Z' },
  { name: 'at opening', zone: AMS, start: '2026-01-12T07:30:00Z', add: HOUR, due: '2026-01-12T08:30:00.000Z' },
  { name: 'at closing: continues next opening', zone: AMS, start: '2026-01-12T16:30:00Z', add: HOUR, due: '2026-01-13T08:30:00.000Z' },
  { name: 'on a Saturday', zone: AMS, start: '2026-01-10T12:00:00Z', add: HOUR, due: '2026-01-12T08:30:00.000Z' },
  { name: 'Friday over the weekend', zone: AMS, start: '2026-01-09T16:00:00Z', add: HOUR, due: '2026-01-12T08:00:00.000Z' },
  {
    name: 'over a holiday Monday',
    zone: AMS,
    holidays: ['2026-01-12'],
    start: '2026-01-09T16:00:00Z',
    add: HOUR,
    due: '2026-01-13T08:00:00.000Z',
  },
  {
    name: 'starting on a holiday',
    zone: AMS,
    holidays: ['2026-01-12'],
    start: '2026-01-12T10:00:00Z',
    add: HOUR,
    due: '2026-01-13T08:30:00.000Z',
  },
  {
    name: 'public holiday of a region (NL Ascension Day)',
    zone: AMS,
    holidays: ['NL'],
    start: '2026-05-13T15:00:00Z',
    add: HOUR,
    due: '2026-05-15T07:00:00.000Z',
  },
  {
    name: 'ending exactly at closing is due at closing',
    zone: AMS,
    start: '2026-01-12T15:30:00Z',
    add: HOUR,
    due: '2026-01-12T16:30:00.000Z',
  },
  {
    name: 'a full day from opening is due at closing',
    zone: AMS,
    start: '2026-01-12T07:30:00Z',
    add: 9 * HOUR,
    due: '2026-01-12T16:30:00.000Z',
  },
  { name: 'zero from a Saturday is the start', zone: AMS, start: '2026-01-10T12:00:00Z', add: 0, due: '2026-01-10T12:00:00.000Z' },
  { name: 'DST spring 2026 (29 March)', zone: AMS, start: '2026-03-27T15:30:00Z', add: 2 * HOUR, due: '2026-03-30T07:30:00.000Z' },
  { name: 'DST autumn 2026 (25 October)', zone: AMS, start: '2026-10-23T14:30:00Z', add: 2 * HOUR, due: '2026-10-26T08:30:00.000Z' },
  { name: 'DST spring 2027 (28 March)', zone: AMS, start: '2027-03-26T15:30:00Z', add: 2 * HOUR, due: '2027-03-29T07:30:00.000Z' },
  { name: 'DST autumn 2027 (31 October)', zone: AMS, start: '2027-10-29T14:30:00Z', add: 2 * HOUR, due: '2027-11-01T08:30:00.000Z' },
  { name: 'split shift: over lunch', zone: AMS, hours: SPLIT, start: '2026-01-12T10:30:00Z', add: HOUR, due: '2026-01-12T12:30:00.000Z' },
  { name: 'split shift: short Friday', zone: AMS, hours: SPLIT, start: '2026-01-16T13:30:00Z', add: HOUR, due: '2026-01-19T08:00:00.000Z' },
  {
    name: '24:00: a 25-hour day counts 25 hours',
    zone: AMS,
    hours: 'Mon-Sun 00:00-24:00',
    start: '2026-10-24T22:00:00Z',
    add: 25 * HOUR,
    due: '2026-10-25T23:00:00.000Z',
  },
  {
    name: '24:00: a 23-hour day counts 23 hours',
    zone: AMS,
    hours: 'Mon-Sun 00:00-24:00',
    start: '2026-03-28T23:00:00Z',
    add: 23 * HOUR,
    due: '2026-03-29T22:00:00.000Z',
  },
  {
    name: '24:00 end of a late shift',
    zone: AMS,
    hours: 'Mon 18:00-24:00; Tue 08:00-09:00',
    start: '2026-01-12T22:30:00Z',
    add: HOUR,
    due: '2026-01-13T07:30:00.000Z',
  },
  {
    name: 'America/New_York over its DST start (8 March 2026)',
    zone: 'America/New_York',
    hours: 'Mon-Fri 09:00-17:00',
    start: '2026-03-06T21:00:00Z',
    add: 2 * HOUR,
    due: '2026-03-09T14:00:00.000Z',
  },
  {
    name: 'Australia/Sydney over its DST end (5 April 2026)',
    zone: 'Australia/Sydney',
    hours: 'Mon-Fri 09:00-17:00',
    start: '2026-04-03T05:00:00Z',
    add: 2 * HOUR,
    due: '2026-04-06T00:00:00.000Z',
  },
  {
    name: 'Asia/Tehran (+03:30), Saturday to Wednesday',
    zone: 'Asia/Tehran',
    hours: 'Sat-Wed 08:00-16:00',
    start: '2026-01-15T10:00:00Z',
    add: HOUR,
    due: '2026-01-17T05:30:00.000Z',
  },
  {
    name: 'multi-year: 1,000,000 business minutes',
    zone: AMS,
    start: '2026-01-05T07:30:00Z',
    add: 1_000_000 * MINUTE,
    due: '2033-02-08T15:10:00.000Z',
  },
  { name: 'millisecond start', zone: AMS, start: '2026-01-12T09:00:00.123Z', add: MINUTE, due: '2026-01-12T09:01:00.123Z' },
  {
    name: 'one ms before closing plus one ms is closing',
    zone: AMS,
    start: '2026-01-12T16:29:59.999Z',
    add: 1,
    due: '2026-01-12T16:30:00.000Z',
  },
  { name: 'one ms before closing plus two ms', zone: AMS, start: '2026-01-12T16:29:59.999Z', add: 2, due: '2026-01-13T07:30:00.001Z' },
];

describe('addBusinessMillis', () => {
  it.each(addCases)('$name', ({ zone, hours, holidays, start, add, due }) => {
    const calendar = calendarOf(zone, hours, holidays);
    const result = calendar.addBusinessMillis(ms(start), add);
    expect(iso(result)).toBe(due);
    expect(calendar.businessMillisBetween(ms(start), result)).toBe(add);
  });

  it('refuses negative and fractional durations', () => {
    const calendar = calendarOf(AMS);
    expect(() => calendar.addBusinessMillis(ms('2026-01-12T07:30:00Z'), -1)).toThrow(RangeError);
    expect(() => calendar.addBusinessMillis(ms('2026-01-12T07:30:00Z'), 0.5)).toThrow(RangeError);
  });

  it('refuses instants outside 1900–2299 and results beyond 2299', () => {
    const calendar = calendarOf(AMS);
    expect(() => calendar.addBusinessMillis(ms('2300-01-01T00:00:00Z'), HOUR)).toThrow(/years 1900–2299/);
    expect(() => calendar.businessMillisBetween(ms('1899-12-31T00:00:00Z'), ms('2026-01-01T00:00:00Z'))).toThrow(/years 1900–2299/);
    expect(() => calendar.addBusinessMillis(ms('2299-12-01T00:00:00Z'), 1000 * HOUR)).toThrow(/beyond 2299/);
  });

  it('adds minutes', () => {
    expect(iso(calendarOf(AMS).addBusinessMinutes(ms('2026-01-12T07:30:00Z'), 90))).toBe('2026-01-12T09:00:00.000Z');
  });
});

// Rows: calendar, interval, expected business time.
const betweenCases: { name: string; zone: string; hours?: string; from: string; to: string; expected: number }[] = [
  { name: 'inside one window', zone: AMS, from: '2026-01-12T08:00:00Z', to: '2026-01-12T09:15:00Z', expected: 75 * MINUTE },
  {
    name: 'Friday afternoon to Monday morning',
    zone: AMS,
    from: '2026-01-09T16:00:00Z',
    to: '2026-01-12T08:30:00Z',
    expected: 90 * MINUTE,
  },
  { name: 'a weekend is empty', zone: AMS, from: '2026-01-10T00:00:00Z', to: '2026-01-11T23:00:00Z', expected: 0 },
  { name: 'reversed is negative', zone: AMS, from: '2026-01-12T09:15:00Z', to: '2026-01-12T08:00:00Z', expected: -75 * MINUTE },
  {
    name: 'a week and a day across DST spring: 54 hours',
    zone: AMS,
    from: '2026-03-23T00:00:00Z',
    to: '2026-03-30T22:00:00Z',
    expected: 54 * HOUR,
  },
  // 02:00–03:00 does not exist on 29 March 2026 and happens twice on 25 October 2026.
  {
    name: 'a window inside the spring gap counts nothing',
    zone: AMS,
    hours: 'Sun 02:00-03:00',
    from: '2026-03-28T00:00:00Z',
    to: '2026-03-30T00:00:00Z',
    expected: 0,
  },
  {
    name: 'a window inside the autumn overlap counts twice',
    zone: AMS,
    hours: 'Sun 02:00-03:00',
    from: '2026-10-24T00:00:00Z',
    to: '2026-10-26T00:00:00Z',
    expected: 2 * HOUR,
  },
  {
    name: 'a window ending inside the spring gap ends at the jump',
    zone: AMS,
    hours: 'Sun 01:00-02:30',
    from: '2026-03-28T00:00:00Z',
    to: '2026-03-30T00:00:00Z',
    expected: HOUR,
  },
  {
    name: 'a window around the autumn overlap counts real time',
    zone: AMS,
    hours: 'Sun 01:00-04:00',
    from: '2026-10-24T00:00:00Z',
    to: '2026-10-26T00:00:00Z',
    expected: 4 * HOUR,
  },
];

describe('businessMillisBetween', () => {
  it.each(betweenCases)('$name', ({ zone, hours, from, to, expected }) => {
    expect(calendarOf(zone, hours).businessMillisBetween(ms(from), ms(to))).toBe(expected);
  });

  it('counts minutes', () => {
    expect(calendarOf(AMS).businessMinutesBetween(ms('2026-01-12T07:30:00Z'), ms('2026-01-12T07:30:30Z'))).toBe(0.5);
  });
});

describe('createBusinessCalendar', () => {
  it('refuses an unknown zone', () => {
    expect(() => calendarOf('Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
