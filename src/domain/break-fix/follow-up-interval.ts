import { Duration } from 'luxon';

/** A poll more often than once a minute would spend the hourly request budget on one request. */
export const MIN_FOLLOW_UP_INTERVAL_MS = 60_000;

/**
 * XURRENT_FOLLOW_UP_INTERVAL: an ISO-8601 duration (`PT1H`, `PT30M`) of at least one minute, in
 * milliseconds; null when the text is no such duration.
 */
export function parseFollowUpIntervalMs(text: string): number | null {
  const duration = Duration.fromISO(text.trim());
  if (!duration.isValid) return null;
  const ms = duration.toMillis();
  return ms >= MIN_FOLLOW_UP_INTERVAL_MS ? ms : null;
}
