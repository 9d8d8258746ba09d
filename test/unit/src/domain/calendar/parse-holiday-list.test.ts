import { describe, expect, it } from 'vitest';
import { parseHolidayList, parseHolidayText } from '../../../../../src/domain/calendar/parse-holiday-list.js';
import { dayNumberOfIsoDate } from '../../../../../src/domain/calendar/local-days.js';
import { resolveRegionHolidays } from '../../../../../src/domain/calendar/region-holidays.js';

describe('parseHolidayList', () => {
  it('sorts dates and region codes', () => {
    expect(parseHolidayText('2026-12-25, nl ,DE-BY,')).toEqual({ ok: true, value: { dates: ['2026-12-25'], regions: ['NL', 'DE-BY'] } });
    expect(parseHolidayList([])).toEqual({ ok: true, value: { dates: [], regions: [] } });
  });

  it.each([
    ['2026-02-30', /"2026-02-30" is not a real date/],
    ['XX', /"XX" is neither a date/],
    ['DE-ZZ', /"DE-ZZ" is neither a date/],
    ['Christmas', /"Christmas" is neither a date/],
  ])('refuses %j', (entry, message) => {
    const result = parseHolidayList([entry]);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('resolveRegionHolidays', () => {
  const dates = (regions: string[], years: number[]) =>
    resolveRegionHolidays(regions, years).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

  it('keeps only public holidays (NL 2026: not Good Friday, a school day there)', () => {
    const nl = dates(['NL'], [2026]);
    expect(nl).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-14', '2026-12-25', '2026-12-26']));
    expect(nl).not.toContain('2026-04-03');
    expect(nl).not.toContain('2026-12-31');
  });

  it('resolves regions and several years', () => {
    expect(dates(['DE-BY'], [2026, 2027])).toEqual(expect.arrayContaining(['2026-01-06', '2027-01-06', '2026-11-01']));
    expect(dates(['DE'], [2026])).not.toContain('2026-01-06');
  });

  it('uses day numbers of the local dates', () => {
    expect(resolveRegionHolidays(['NL'], [2026])).toContain(dayNumberOfIsoDate('2026-12-25'));
  });
});
