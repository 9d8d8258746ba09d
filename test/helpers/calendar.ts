import { createBusinessCalendar, type BusinessCalendar } from '../../src/domain/calendar/business-calendar.js';
import { parseHolidayList } from '../../src/domain/calendar/parse-holiday-list.js';
import { parseSupportHours } from '../../src/domain/calendar/parse-support-hours.js';
import type { ParseResult } from '../../src/domain/parse-result.js';

/** A calendar from the configuration syntax; throws on bad text so tests stay short. */
export function calendarOf(zone: string, hours = 'Mon-Fri 08:30-17:30', holidays: readonly string[] = []): BusinessCalendar {
  return createBusinessCalendar({ zone, weekly: valueOf(parseSupportHours(hours)), holidays: valueOf(parseHolidayList(holidays)) });
}

export function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** ISO instant → epoch ms, refusing text without a zone designator. */
export function ms(iso: string): number {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`test instant needs Z or an offset: ${iso}`);
  return Date.parse(iso);
}

/** Epoch ms → ISO in UTC with milliseconds. */
export function iso(instant: number): string {
  return new Date(instant).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
