import { DateTime, Duration } from 'luxon';

/** True for a positive ISO-8601 duration (`P1M`, `P4W`, `P30DT12H`), the form RCA_DUE takes. */
export function isPositiveIsoDuration(text: string): boolean {
  const duration = Duration.fromISO(text);
  return duration.isValid && duration.toMillis() > 0;
}

/**
 * The root-cause analysis target: the incident's registration plus `RCA_DUE` (ISO-8601 duration)
 * in calendar terms, in the support time zone, so P1M from 31 Jan lands on the last day of February
 * and a month across a DST change keeps the local wall time. Epoch ms in and out.
 */
export function computeRcaDueMs(registeredAtMs: number, rcaDue: string, zone: string): number {
  const duration = Duration.fromISO(rcaDue);
  if (!duration.isValid) throw new RangeError(`RCA_DUE must be an ISO-8601 duration, got "${rcaDue}"`);
  return DateTime.fromMillis(registeredAtMs, { zone }).plus(duration).toMillis();
}
