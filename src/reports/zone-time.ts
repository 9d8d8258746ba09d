import { DateTime } from 'luxon';

/** An ISO instant as local wall time of the support zone (`2026-03-10 14:00`), for people; '' for none. */
export function localTime(iso: string | null, zone: string): string {
  return iso === null ? '' : DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** A period [from, to) as the inclusive dates of the support zone a person would type: `2026-11-01 .. 2026-11-30`. */
export function localDates(fromIso: string | null, toIso: string | null, zone: string): string {
  const date = (iso: string | null, shiftMs: number) =>
    iso === null ? '?' : (DateTime.fromMillis(Date.parse(iso) + shiftMs, { zone }).toISODate() ?? '?');
  return `${date(fromIso, 0)} .. ${date(toIso, -1)}`;
}
