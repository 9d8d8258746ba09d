import { Duration } from 'luxon';

/**
 * A fixed ISO-8601 duration (PT5M, P30D) in milliseconds, or undefined when the text is not a
 * positive one. Months and years count as 30 and 365 days (luxon's casual conversion).
 */
export function durationMillis(text: string): number | undefined {
  const duration = Duration.fromISO(text.trim());
  const millis = duration.isValid ? duration.toMillis() : Number.NaN;
  return Number.isFinite(millis) && millis > 0 ? millis : undefined;
}
