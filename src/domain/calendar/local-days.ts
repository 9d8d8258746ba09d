import { MS_PER_DAY } from './weekly-hours.js';

/**
 * Local calendar dates as whole days since 1970-01-01 ("day numbers"), so that weekday and holiday
 * look-ups are integer arithmetic instead of time-zone calls.
 */

/** Day number of a `YYYY-MM-DD` date, or undefined when the text is not a real date. */
export function dayNumberOfIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
