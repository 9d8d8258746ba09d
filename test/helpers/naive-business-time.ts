import { DateTime } from 'luxon';
import type { WeeklyHours } from '../../src/domain/calendar/weekly-hours.js';

/**
 * A deliberately naive business clock for checking the real one: it walks time in fixed steps
 * and asks luxon, at each step, for the local weekday, date and time. It is exact only when
 * every window edge, holiday edge and UTC offset lies on the step grid (tests pick calendars so).
 */
export interface NaiveCalendar {
  zone: string;
  weekly: WeeklyHours;
  holidays: ReadonlySet<string>;
  stepMs: number;
}

function isBusinessAt(calendar: NaiveCalendar, instant: number): boolean {
  const local = DateTime.fromMillis(instant, { zone: calendar.zone });
  if (calendar.holidays.has(local.toISODate() ?? '')) return false;
  const minute = local.hour * 60 + local.minute;
  return (calendar.weekly[local.weekday - 1] ?? []).some((w) => minute >= w.startMinute && minute < w.endMinute);
}

/** Earliest d ≥ start with `millis` business time in [start, d), found by stepping. */
export function naiveAdd(calendar: NaiveCalendar, start: number, millis: number): number {
  let cursor = start;
  let remaining = millis;
  while (remaining > 0) {
    const next = (Math.floor(cursor / calendar.stepMs) + 1) * calendar.stepMs;
    if (isBusinessAt(calendar, cursor)) {
      if (remaining <= next - cursor) return cursor + remaining;
      remaining -= next - cursor;
    }
    cursor = next;
  }
  return cursor;
}

/** Business time in [from, to), summed step by step (from ≤ to). */
export function naiveBetween(calendar: NaiveCalendar, from: number, to: number): number {
  let total = 0;
  for (let cursor = from; cursor < to;) {
    const next = Math.min(to, (Math.floor(cursor / calendar.stepMs) + 1) * calendar.stepMs);
    if (isBusinessAt(calendar, cursor)) total += next - cursor;
    cursor = next;
  }
  return total;
}
