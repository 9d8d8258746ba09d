import { createBusinessCalendar, type BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import { parseHolidayList } from '../../domain/calendar/parse-holiday-list.js';
import { parseSupportHours } from '../../domain/calendar/parse-support-hours.js';
import { parseTimeZone } from '../../domain/calendar/parse-time-zone.js';
import type { ParseResult } from '../../domain/parse-result.js';
import { UsageError } from '../command.js';
import type { FieldReader } from './input-fields.js';

/**
 * The configured calendar, or one with `timezone`, `hours` (SUPPORT_HOURS syntax) and `holidays`
 * (array of dates and region codes, or comma-separated text) overridden. Calendars are cached by
 * their overrides, so a JSON-lines run builds each distinct calendar once.
 */
export function createCalendarSource(configured: CalendarSpec): (read: FieldReader) => BusinessCalendar {
  const cache = new Map<string, BusinessCalendar>();
  return (read) => {
    const overrides = { timezone: read('timezone'), hours: read('hours'), holidays: read('holidays') };
    const key = JSON.stringify(overrides);
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = createBusinessCalendar(overrideSpec(configured, overrides));
      cache.set(key, calendar);
    }
    return calendar;
  };
}

function overrideSpec(spec: CalendarSpec, overrides: { timezone: unknown; hours: unknown; holidays: unknown }): CalendarSpec {
  const holidays = overrides.holidays;
  return {
    zone: overrides.timezone === undefined ? spec.zone : valueOf('timezone', parseTimeZone(text('timezone', overrides.timezone))),
    weekly: overrides.hours === undefined ? spec.weekly : valueOf('hours', parseSupportHours(text('hours', overrides.hours))),
    holidays:
      holidays === undefined
        ? spec.holidays
        : valueOf('holidays', parseHolidayList(typeof holidays === 'string' ? holidays.split(',') : stringList(holidays))),
  };
}

function text(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new UsageError(`${name} must be text`);
  return value;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new UsageError('holidays must be an array of dates and region codes');
  return value;
}

function valueOf<T>(name: string, result: ParseResult<T>): T {
  if (!result.ok) throw new UsageError(`${name}: ${result.error}`);
  return result.value;
}
