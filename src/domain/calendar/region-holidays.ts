import Holidays from 'date-holidays';
import { dayNumberOfIsoDate } from './local-days.js';

/** Splits `DE-BY` into the country and region `date-holidays` expects. */
function splitRegion(code: string): [string, string | undefined] {
  const [country, region] = code.toUpperCase().split('-');
  return [country ?? '', region];
}

/** Whether `date-holidays` knows the country (and region) code, e.g. `NL`, `DE-BY`. */
export function isKnownHolidayRegion(code: string): boolean {
  const [country, region] = splitRegion(code);
  const lookup = new Holidays();
  if (!(country in (lookup.getCountries() ?? {}))) return false;
  return region === undefined || region in (lookup.getStates(country) ?? {});
}

/**
 * Day numbers (days since 1970-01-01) of the public holidays of each region in the given years,
 * as listed by `date-holidays`. Only type `public` closes the day; bank, school, optional and
 * observance days stay open, since the contract follows the legal public holidays.
 */
export function resolveRegionHolidays(regions: readonly string[], years: readonly number[]): number[] {
  const days: number[] = [];
  for (const code of regions) {
    const [country, region] = splitRegion(code);
    const source = region === undefined ? new Holidays(country) : new Holidays(country, region);
    for (const year of years) {
      for (const holiday of source.getHolidays(year)) {
        const day = holiday.type === 'public' ? dayNumberOfIsoDate(holiday.date.slice(0, 10)) : undefined;
        if (day !== undefined) days.push(day);
      }
    }
  }
  return days;
}
