import { weekdayOfDayNumber } from './local-days.js';
import { MS_PER_DAY, MS_PER_MINUTE, type WeeklyHours } from './weekly-hours.js';
import type { OffsetSegment } from './zone-offsets.js';

/**
 * The business intervals of one UTC year `[start, end)` as sorted, disjoint instants (epoch ms)
 * with running totals, so that a position inside the year is found by binary search.
 * `cumulative[i]` is the business time before interval i; `cumulative[n]` is the year's total.
 */
export interface YearBlock {
  readonly start: number;
  readonly end: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cumulative: Float64Array;
  readonly total: number;
}

export interface YearBlockInput {
  readonly start: number;
  readonly end: number;
  readonly weekly: WeeklyHours;
  /** Offset stretches covering at least `[start, end)`. */
  readonly segments: readonly OffsetSegment[];
  readonly isHoliday: (dayNumber: number) => boolean;
}

/**
 * An instant is business time when its local wall time falls in a window of its local weekday
 * and its local date is no holiday. Within one offset stretch wall time is instant + offset, so
 * each window of each local date maps to one interval of instants; wall times skipped by a
 * clock change count nothing, and wall times that occur twice count twice.
 */
export function buildYearBlock({ start, end, weekly, segments, isHoliday }: YearBlockInput): YearBlock {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const segment of segments) {
    const low = Math.max(segment.start, start);
    const high = Math.min(segment.end, end);
    if (low >= high) continue;
    const lastDay = Math.floor((high - 1 + segment.offsetMs) / MS_PER_DAY);
    for (let day = Math.floor((low + segment.offsetMs) / MS_PER_DAY); day <= lastDay; day += 1) {
      if (isHoliday(day)) continue;
      const midnight = day * MS_PER_DAY - segment.offsetMs;
      for (const window of weekly[weekdayOfDayNumber(day)] ?? []) {
        const from = Math.max(low, midnight + window.startMinute * MS_PER_MINUTE);
        const to = Math.min(high, midnight + window.endMinute * MS_PER_MINUTE);
        if (from >= to) continue;
        // Touching intervals (a 24:00 end and a 00:00 start) merge into one.
        if (ends.length > 0 && ends[ends.length - 1] === from) ends[ends.length - 1] = to;
        else {
          starts.push(from);
          ends.push(to);
        }
      }
    }
  }
  const cumulative = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i += 1) cumulative[i + 1] = (cumulative[i] as number) + (ends[i] as number) - (starts[i] as number);
  return {
    start,
    end,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cumulative,
    total: cumulative[starts.length] as number,
  };
}

/** Business time inside `[block.start, instant)`, for an instant within the block. */
export function businessMillisBefore(block: YearBlock, instant: number): number {
  // Last interval starting at or before the instant.
  let low = 0;
  let high = block.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((block.starts[middle] as number) <= instant) low = middle + 1;
    else high = middle;
  }
  if (low === 0) return 0;
  const i = low - 1;
  return (block.cumulative[i] as number) + Math.min(instant, block.ends[i] as number) - (block.starts[i] as number);
}

/** Earliest instant by which the block has `amount` business time, for `0 < amount ≤ block.total`. */
export function instantAfterBusinessMillis(block: YearBlock, amount: number): number {
  // First interval whose running total reaches the amount.
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((block.cumulative[middle + 1] as number) >= amount) high = middle;
    else low = middle + 1;
  }
  return (block.starts[low] as number) + amount - (block.cumulative[low] as number);
}
