import { DateTime } from 'luxon';
import { UsageError } from '../command.js';

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** An ISO 8601 instant with `Z` or an offset (a bare local time would be ambiguous) → epoch ms. */
export function parseInstantText(value: unknown, name: string): number {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`${name} is required: an ISO 8601 instant such as 2026-03-27T15:00:00Z`);
  const text = value.trim();
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !HAS_OFFSET.test(text))
    throw new UsageError(`${name} "${text}" is not an ISO 8601 instant with Z or an offset, e.g. 2026-03-27T15:00:00Z`);
  return parsed.toMillis();
}

/** Epoch ms → ISO 8601 in UTC with `Z`, with milliseconds only when there are any (round-trips exactly). */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
