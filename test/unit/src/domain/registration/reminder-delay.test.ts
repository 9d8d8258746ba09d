import { describe, expect, it } from 'vitest';
import { parseReminderDelay, reminderDueAtMs } from '../../../../../src/domain/registration/reminder-delay.js';
import { calendarOf, iso, ms } from '../../../../helpers/calendar.js';

describe('parseReminderDelay', () => {
  it.each([
    ['1d', { unit: 'business_days', days: 1 }],
    [' 2d ', { unit: 'business_days', days: 2 }],
    ['4h', { unit: 'business_minutes', minutes: 240 }],
    ['90m', { unit: 'business_minutes', minutes: 90 }],
  ])('reads %j', (text, expected) => expect(parseReminderDelay(text)).toEqual(expected));

  it.each(['', '0d', '1', 'P1D', '1.5h', '-1d', '1w'])('refuses %j', (text) => expect(parseReminderDelay(text)).toBeNull());
});

// Mon–Fri 08:30–17:30 Amsterdam; summer time starts Sun 29 March 2026 (CET +1 → CEST +2).
describe('reminderDueAtMs', () => {
  const calendar = calendarOf('Europe/Amsterdam');
  const withGoodFriday = calendarOf('Europe/Amsterdam', 'Mon-Fri 08:30-17:30', ['2026-04-03']);
  it.each([
    // Fri 16:00 CET + 1 business day = Mon 16:00 CEST (the weekend has no support hours).
    ['Friday afternoon, 1d', calendar, '2026-03-27T15:00:00Z', '1d', '2026-03-30T14:00:00.000Z'],
    // Wed 10:00 CET + 1 business day = Thu 10:00 CET.
    ['midweek, 1d', calendar, '2026-03-25T09:00:00Z', '1d', '2026-03-26T09:00:00.000Z'],
    // Fri 20:00 CET (closed) → Mon 20:00 CEST is closed too → Tue 08:30 CEST.
    ['asked outside hours, 1d', calendar, '2026-03-27T19:00:00Z', '1d', '2026-03-31T06:30:00.000Z'],
    // Thu 2 Apr 10:00 CEST, Fri 3 Apr a holiday → Mon 6 Apr 10:00 CEST.
    ['over a holiday, 1d', withGoodFriday, '2026-04-02T08:00:00Z', '1d', '2026-04-06T08:00:00.000Z'],
    // Fri 16:00 CET: 1.5 h until closing, 2.5 h on Monday from 08:30 → Mon 11:00 CEST.
    ['4 business hours over a weekend', calendar, '2026-03-27T15:00:00Z', '4h', '2026-03-30T09:00:00.000Z'],
    ['90 business minutes', calendar, '2026-03-25T09:00:00Z', '90m', '2026-03-25T10:30:00.000Z'],
  ])('%s', (_label, cal, asked, text, due) => {
    const delay = parseReminderDelay(text);
    if (!delay) throw new Error(text);
    expect(iso(reminderDueAtMs(ms(asked), delay, cal))).toBe(due);
  });
});
