import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar/business-calendar.js';

/** How long the worker waits for missing information before one reminder, in business time. */
export type ReminderDelay = { unit: 'business_days'; days: number } | { unit: 'business_minutes'; minutes: number };

/** A safety bound: no calendar has a business day less often than once in ten years. */
const MAX_DAYS = 3_650;

/**
 * Parses `COMPLETENESS_REMINDER`: `<n>d` business days, `<n>h` business hours or `<n>m` business
 * minutes (n a whole number ≥ 1), e.g. `1d`, `4h`, `90m`. Returns null for anything else.
 */
export function parseReminderDelay(text: string): ReminderDelay | null {
  const match = /^\s*(\d{1,6})\s*([dhm])\s*$/.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  if (n < 1) return null;
  if (match[2] === 'd') return { unit: 'business_days', days: n };
  return { unit: 'business_minutes', minutes: match[2] === 'h' ? n * 60 : n };
}

/**
 * When the reminder is due, epoch ms. Business minutes are added in the calendar's support hours.
 * `n` business days give the same local wall time on the n-th following date with support hours
 * (weekends and holidays skipped); when that instant lies outside support hours, the reminder waits
 * for the next opening (a reminder is never sent at night).
 */
export function reminderDueAtMs(askedAtMs: number, delay: ReminderDelay, calendar: BusinessCalendar): number {
  if (delay.unit === 'business_minutes') return calendar.addBusinessMinutes(askedAtMs, delay.minutes);
  let day = DateTime.fromMillis(askedAtMs, { zone: calendar.zone });
  for (let counted = 0, steps = 0; counted < delay.days && steps < MAX_DAYS; steps++) {
    day = day.plus({ days: 1 });
    const start = day.startOf('day');
    if (calendar.businessMillisBetween(start.toMillis(), start.plus({ days: 1 }).toMillis()) > 0) counted++;
  }
  return nextBusinessInstant(day.toMillis(), calendar);
}

/** `t` itself when support is open at `t`, else the next opening (the instant before the first business ms). */
function nextBusinessInstant(t: number, calendar: BusinessCalendar): number {
  if (calendar.businessMillisBetween(t, t + 1) > 0) return t;
  return calendar.addBusinessMillis(t, 1) - 1;
}
