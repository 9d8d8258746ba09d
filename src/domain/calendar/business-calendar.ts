import { IANAZone } from 'luxon';
import type { CalendarSpec } from './calendar-spec.js';
import { createHolidayLookup } from './holiday-lookup.js';
import { MS_PER_DAY, MS_PER_MINUTE, weeklyBusinessMinutes } from './weekly-hours.js';
import { buildYearBlock, businessMillisBefore, instantAfterBusinessMillis, type YearBlock } from './year-block.js';
import { findOffsetSegments } from './zone-offsets.js';

/**
 * Business-time arithmetic over one calendar. Instants are epoch milliseconds (integers).
 *
 * Rules:
 * - Business time is the real elapsed time of the instants whose local wall time (in the
 *   calendar's zone) falls inside a window of that local weekday, on a local date that is no
 *   holiday. Clock changes never shift a window: 08:30–17:30 stays 08:30–17:30 local, and a
 *   00:00–24:00 window on a 25-hour day counts 25 hours. Wall times skipped by a clock change
 *   (spring forward) count nothing; wall times repeated by one (fall back) count twice.
 * - `addBusinessMillis(t, D)` is the earliest instant d ≥ t with exactly D business time in
 *   `[t, d)`: a target that runs out at closing time is due at closing time, and D = 0 gives t.
 * - `businessMillisBetween(a, b)` is the business time in `[a, b)` (negative when b < a), and
 *   `businessMillisBetween(t, addBusinessMillis(t, D)) === D` for every D ≥ 0.
 *
 * Cost does not grow with the number of minutes: each UTC year is built once (per-day windows
 * mapped to instants, with running totals); a query then bisects within a year and crosses
 * whole years by their totals (one subtraction per year; 1,000,000 business minutes ≈ 8 years).
 */
// Functions as properties, not methods: they close over the calendar and may be passed around unbound.
export interface BusinessCalendar {
  readonly zone: string;
  /** Earliest instant (epoch ms) with `millis` business ms after `start` (epoch ms); whole ms, ≥ 0. */
  addBusinessMillis: (start: number, millis: number) => number;
  /** As addBusinessMillis, with the duration in business minutes (rounded to the ms). */
  addBusinessMinutes: (start: number, minutes: number) => number;
  /** Business ms in `[from, to)` (epoch ms); negative when `to` is earlier. */
  businessMillisBetween: (from: number, to: number) => number;
  /** As businessMillisBetween, in business minutes (fractional when not whole). */
  businessMinutesBetween: (from: number, to: number) => number;
}

// Instants are accepted in these UTC years. The bound keeps every search finite and cheap: a
// year is built once on first use (a few ms), and no contract needs dates outside it.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2299;

/** Creates a calendar from its spec; throws RangeError for an unknown zone or a week without hours. */
export function createBusinessCalendar(spec: CalendarSpec): BusinessCalendar {
  const zone = IANAZone.create(spec.zone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${spec.zone}"`);
  if (weeklyBusinessMinutes(spec.weekly) <= 0) throw new RangeError('Support hours open no time in the week');
  const holidayYears = createHolidayLookup(spec);
  const blocks = new Map<number, YearBlock>();

  const blockOf = (year: number): YearBlock => {
    let block = blocks.get(year);
    if (!block) {
      const start = Date.UTC(year, 0, 1);
      const end = Date.UTC(year + 1, 0, 1);
      const segments = findOffsetSegments(zone, start - MS_PER_DAY, end + MS_PER_DAY);
      block = buildYearBlock({ start, end, weekly: spec.weekly, segments, isHoliday: holidayYears });
      blocks.set(year, block);
    }
    return block;
  };
  const yearOf = (instant: number) => new Date(instant).getUTCFullYear();

  const addBusinessMillis = (start: number, millis: number): number => {
    assertInstant(start);
    if (!Number.isInteger(millis) || millis < 0)
      throw new RangeError(`Business time to add must be a whole, non-negative number of ms, got ${millis}`);
    if (millis === 0) return start;
    let year = yearOf(start);
    let block = blockOf(year);
    let needed = businessMillisBefore(block, start) + millis;
    while (needed > block.total) {
      needed -= block.total;
      year += 1;
      if (year > LAST_YEAR) throw new RangeError(`The result lies beyond ${LAST_YEAR}, the last year supported`);
      block = blockOf(year);
    }
    return instantAfterBusinessMillis(block, needed);
  };

  const businessMillisBetween = (from: number, to: number): number => {
    assertInstant(from);
    assertInstant(to);
    if (to < from) return -businessMillisBetween(to, from);
    const lastYear = yearOf(to);
    let year = yearOf(from);
    let total = -businessMillisBefore(blockOf(year), from);
    for (; year < lastYear; year += 1) total += blockOf(year).total;
    return total + businessMillisBefore(blockOf(lastYear), to);
  };

  return {
    zone: spec.zone,
    addBusinessMillis,
    addBusinessMinutes: (start, minutes) => addBusinessMillis(start, Math.round(minutes * MS_PER_MINUTE)),
    businessMillisBetween,
    businessMinutesBetween: (from, to) => businessMillisBetween(from, to) / MS_PER_MINUTE,
  };
}

function assertInstant(instant: number): void {
  if (!Number.isInteger(instant)) throw new RangeError(`An instant must be whole epoch milliseconds, got ${instant}`);
  const year = new Date(instant).getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw new RangeError(`Instants must lie in the years ${FIRST_YEAR}–${LAST_YEAR}`);
}
