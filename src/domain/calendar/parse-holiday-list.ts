import type { HolidaySpec } from './calendar-spec.js';
import { dayNumberOfIsoDate } from './local-days.js';
import { failed, parsed, type ParseResult } from '../parse-result.js';
import { isKnownHolidayRegion } from './region-holidays.js';

/**
 * Sorts holiday entries into local dates (`YYYY-MM-DD`) and `date-holidays` region codes
 * (`NL`, `DE-BY`); an entry that is neither, or an unknown region, is an error naming it.
 */
export function parseHolidayList(entries: readonly string[]): ParseResult<HolidaySpec> {
  const dates: string[] = [];
  const regions: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(entry)) {
      if (dayNumberOfIsoDate(entry) === undefined) return failed(`"${entry}" is not a real date`);
      dates.push(entry);
    } else if (/^[A-Za-z]{2}(-[A-Za-z0-9]+)?$/.test(entry) && isKnownHolidayRegion(entry)) {
      regions.push(entry.toUpperCase());
    } else {
      return failed(`"${entry}" is neither a date YYYY-MM-DD nor a known country or region code (e.g. NL, DE-BY)`);
    }
  }
  return parsed({ dates, regions });
}

/** The comma-separated form used by `SUPPORT_HOLIDAYS`. */
export function parseHolidayText(text: string): ParseResult<HolidaySpec> {
  return parseHolidayList(text.split(','));
}
