import { IANAZone } from 'luxon';
import { MS_PER_DAY } from './weekly-hours.js';

/** A stretch of instants `[start, end)` (epoch ms) during which the zone's UTC offset is `offsetMs`. */
export interface OffsetSegment {
  readonly start: number;
  readonly end: number;
  readonly offsetMs: number;
}

// Offsets are sampled this far apart and each change is bisected to the millisecond. The tz
// database has no zone whose offset changes twice within two days since 1970.
const SAMPLE_STEP_MS = 2 * MS_PER_DAY;

/** Splits `[from, to)` (epoch ms) into stretches of constant UTC offset of `zone`. */
export function findOffsetSegments(zone: IANAZone, from: number, to: number): OffsetSegment[] {
  const offsetAt = (instant: number) => Math.round(zone.offset(instant) * 60_000);
  const segments: OffsetSegment[] = [];
  let segmentStart = from;
  let offset = offsetAt(from);
  for (let probe = from; probe < to;) {
    const next = Math.min(probe + SAMPLE_STEP_MS, to);
    const nextOffset = offsetAt(next);
    if (nextOffset !== offset) {
      const change = bisectChange(offsetAt, probe, next, offset);
      segments.push({ start: segmentStart, end: change, offsetMs: offset });
      segmentStart = change;
      offset = offsetAt(change);
      // Re-sample from the change, so a second change before `next` is still found.
      probe = change;
    } else {
      probe = next;
    }
  }
  segments.push({ start: segmentStart, end: to, offsetMs: offset });
  return segments;
}

/** First instant in `(low, high]` whose offset differs from `offset` (it does at `high`). */
function bisectChange(offsetAt: (instant: number) => number, low: number, high: number, offset: number): number {
  let before = low;
  let after = high;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(middle) === offset) before = middle;
    else after = middle;
  }
  return after;
}
