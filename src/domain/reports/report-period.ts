import { DateTime } from 'luxon';

/** A reporting period [fromMs, toMs) and the instant the report is made. */
export interface ReportPeriod {
  fromMs: number;
  toMs: number;
  asOfMs: number;
}

/** The calendar month before the one holding `nowMs`, in `zone` (the default reporting period). */
export function previousMonthIn(zone: string, nowMs: number): ReportPeriod {
  const thisMonth = DateTime.fromMillis(nowMs, { zone }).startOf('month');
  return { fromMs: thisMonth.minus({ months: 1 }).toMillis(), toMs: thisMonth.toMillis(), asOfMs: nowMs };
}

/**
 * A period bound from text: an instant with an offset (`2026-03-01T00:00:00Z`) as given, or a date
 * (`2026-03-01`) in `zone`: its start as `from`, and as `to` the end of that day (a date range
 * `--from 2026-03-01 --to 2026-03-31` is the whole of March). Null when the text is neither.
 */
export function parsePeriodBound(text: string, zone: string, bound: 'from' | 'to'): number | null {
  const trimmed = text.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? DateTime.fromISO(trimmed, { zone }).plus({ days: bound === 'to' ? 1 : 0 })
    : /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)
      ? DateTime.fromISO(trimmed, { setZone: true })
      : null;
  return parsed?.isValid ? parsed.toMillis() : null;
}

/** Monday 00:00 (in `zone`) of each week that overlaps [fromMs, toMs), each clipped to the period. */
export function weeksOf(period: { fromMs: number; toMs: number }, zone: string): { fromMs: number; toMs: number }[] {
  const weeks: { fromMs: number; toMs: number }[] = [];
  let start = DateTime.fromMillis(period.fromMs, { zone }).startOf('week');
  while (start.toMillis() < period.toMs) {
    const next = start.plus({ weeks: 1 });
    weeks.push({ fromMs: Math.max(start.toMillis(), period.fromMs), toMs: Math.min(next.toMillis(), period.toMs) });
    start = next;
  }
  return weeks;
}
