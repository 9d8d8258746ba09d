import { DateTime } from 'luxon';

/** The calendar month `YYYY-MM` in `zone` as [fromMs, toMs); null when the text is no such month. */
export function monthPeriod(month: string, zone: string): { fromMs: number; toMs: number } | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const start = DateTime.fromISO(`${month}-01`, { zone });
  if (!start.isValid) return null;
  return { fromMs: start.toMillis(), toMs: start.plus({ months: 1 }).toMillis() };
}

/** The month `YYYY-MM` (in `zone`) before the one holding `nowMs`: the default reporting month. */
export function previousMonthOf(nowMs: number, zone: string): string {
  return DateTime.fromMillis(nowMs, { zone }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}
