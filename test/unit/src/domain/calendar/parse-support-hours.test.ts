import { describe, expect, it } from 'vitest';
import { parseSupportHours } from '../../../../../src/domain/calendar/parse-support-hours.js';

const w = (start: string, end: string) => {
  const minute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { startMinute: minute(start), endMinute: minute(end) };
};

describe('parseSupportHours', () => {
  it('reads the default: Mon-Fri 08:30-17:30', () => {
    expect(parseSupportHours('Mon-Fri 08:30-17:30')).toEqual({ ok: true, value: [...Array(5).fill([w('08:30', '17:30')]), [], []] });
  });

  it('reads split shifts, single days, 24:00 and day lists', () => {
    const result = parseSupportHours('Mon-Thu 08:30-12:00,13:00-17:30; Fri 08:30-15:00; sat,Sun 22:00-24:00');
    expect(result).toEqual({
      ok: true,
      value: [
        ...Array(4).fill([w('08:30', '12:00'), w('13:00', '17:30')]),
        [w('08:30', '15:00')],
        [{ startMinute: 1320, endMinute: 1440 }],
        [{ startMinute: 1320, endMinute: 1440 }],
      ],
    });
  });

  it('reads a range that wraps past Sunday', () => {
    const result = parseSupportHours('Sat-Tue 09:00-10:00');
    expect(result.ok && result.value.map((day) => day.length)).toEqual([1, 1, 0, 0, 0, 1, 1]);
  });

  it('sorts windows given out of order', () => {
    const result = parseSupportHours('Mon 13:00-17:00,08:00-12:00');
    expect(result.ok && result.value[0]).toEqual([w('08:00', '12:00'), w('13:00', '17:00')]);
  });

  it.each([
    ['', /names no days/],
    ['Mon-Fry 08:30-17:30', /unknown weekday or range "Mon-Fry".*in "Mon-Fry 08:30-17:30"/],
    ['Mon-Fri', /"Mon-Fri" needs days and windows/],
    ['Mon 8:30-25:00', /bad window "8:30-25:00"/],
    ['Mon 08:60-09:00', /bad window "08:60-09:00"/],
    ['Mon 24:00-24:00', /bad window/],
    ['Mon 17:30-08:30', /window "17:30-08:30" must end after it starts/],
    ['Mon 08:00-12:00,11:00-13:00', /overlap/],
    ['Mon-Fri 08:00-12:00; Fri 13:00-14:00', /Fri is given twice/],
  ])('refuses %j naming the bad part', (text, message) => {
    const result = parseSupportHours(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});
