import { failed, parsed, type ParseResult } from '../parse-result.js';
import { MINUTES_PER_DAY, WEEKDAY_NAMES, type TimeWindow, type WeeklyHours } from './weekly-hours.js';

/**
 * Parses the `SUPPORT_HOURS` syntax: groups separated by `;`, each `<days> <windows>` where days
 * are weekday names, ranges (which may wrap: `Sat-Wed`) and comma lists (`Mon-Thu`, `Sat`, `Mon,Wed`) and windows are
 * comma-separated `HH:MM-HH:MM` in local wall time (`24:00` ends at midnight), e.g.
 * `Mon-Thu 08:30-12:00,13:00-17:30; Fri 08:30-15:00`. Days not named are closed.
 * An error names the group and the part that is wrong.
 */
export function parseSupportHours(text: string): ParseResult<WeeklyHours> {
  const week: TimeWindow[][] = WEEKDAY_NAMES.map(() => []);
  const seen = new Set<number>();
  const groups = text
    .split(';')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  if (groups.length === 0) return failed('names no days: expected e.g. "Mon-Fri 08:30-17:30"');
  for (const group of groups) {
    const match = /^(\S+)\s+(.+)$/.exec(group);
    if (!match) return failed(`"${group}" needs days and windows, e.g. "Mon-Fri 08:30-17:30"`);
    const days = parseDays(match[1] as string);
    if (!days.ok) return failed(`${days.error} in "${group}"`);
    const windows = parseWindows(match[2] as string);
    if (!windows.ok) return failed(`${windows.error} in "${group}"`);
    for (const day of days.value) {
      if (seen.has(day)) return failed(`${WEEKDAY_NAMES[day]} is given twice (in "${group}")`);
      seen.add(day);
      week[day] = windows.value;
    }
  }
  if (week.every((windows) => windows.length === 0)) return failed('opens no hours in the week');
  return parsed(week);
}

function parseDays(text: string): ParseResult<number[]> {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    const first = weekdayIndex(from ?? '');
    const last = to === undefined ? first : weekdayIndex(to);
    if (extra !== undefined || first === undefined || last === undefined) return failed(`unknown weekday or range "${part}" (use Mon…Sun)`);
    // A range may wrap past Sunday (Sat-Wed), as in weeks that start on Saturday.
    for (let day = first; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === last) break;
    }
  }
  return parsed(days);
}

function weekdayIndex(name: string): number | undefined {
  const index = WEEKDAY_NAMES.findIndex((day) => day.toLowerCase() === name.trim().toLowerCase());
  return index < 0 ? undefined : index;
}

function parseWindows(text: string): ParseResult<TimeWindow[]> {
  const windows: TimeWindow[] = [];
  for (const part of text.split(',').map((w) => w.trim())) {
    const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(part);
    const start = match ? toMinute(match[1] as string, match[2] as string) : undefined;
    const end = match ? toMinute(match[3] as string, match[4] as string) : undefined;
    if (start === undefined || end === undefined || start === MINUTES_PER_DAY)
      return failed(`bad window "${part}" (use HH:MM-HH:MM, 00:00 to 24:00)`);
    if (end <= start) return failed(`window "${part}" must end after it starts`);
    windows.push({ startMinute: start, endMinute: end });
  }
  windows.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < windows.length; i += 1) {
    if ((windows[i] as TimeWindow).startMinute < (windows[i - 1] as TimeWindow).endMinute)
      return failed(`windows "${text.trim()}" overlap`);
  }
  return parsed(windows);
}

function toMinute(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}
