import type { WeeklyHours } from './weekly-hours.js';

/**
 * Everything that defines support hours, as plain data (it lives in the frozen configuration):
 * an IANA zone, the weekly windows in that zone's wall time, and the days closed entirely.
 */
export interface CalendarSpec {
  /** IANA zone name, e.g. `Europe/Amsterdam`. */
  readonly zone: string;
  readonly weekly: WeeklyHours;
  readonly holidays: HolidaySpec;
}

export interface HolidaySpec {
  /** Local dates `YYYY-MM-DD` closed all day. */
  readonly dates: readonly string[];
  /** `date-holidays` country or country-region codes (`NL`, `DE-BY`) whose public holidays close all day. */
  readonly regions: readonly string[];
}
