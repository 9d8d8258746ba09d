import type { CalendarSpec } from './calendar-spec.js';
import { dayNumberOfIsoDate } from './local-days.js';
import { resolveRegionHolidays } from './region-holidays.js';
import { MS_PER_DAY } from './weekly-hours.js';

/** Holiday test by day number; region holidays are resolved per year on first use. */
export function createHolidayLookup(spec: CalendarSpec): (day: number) => boolean {
  const explicit = new Set(spec.holidays.dates.map((date) => dayNumberOfIsoDate(date)));
  if (spec.holidays.regions.length === 0) return (day) => explicit.has(day);
  const resolvedYears = new Set<number>();
  const regional = new Set<number>();
  return (day) => {
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    if (!resolvedYears.has(year)) {
      for (const holiday of resolveRegionHolidays(spec.holidays.regions, [year])) regional.add(holiday);
      resolvedYears.add(year);
    }
    return explicit.has(day) || regional.has(day);
  };
}
