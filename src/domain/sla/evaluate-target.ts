import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { ClockTrack } from './track-clocks.js';

export type TargetState = 'not-started' | 'running' | 'paused' | 'met' | 'breached';

/** Where one target (response or resolution) stands at "now". Times in epoch ms and business ms. */
export interface TargetClock {
  readonly state: TargetState;
  readonly targetMs: number;
  /** Business time the clock has run so far. */
  readonly elapsedMs: number;
  /** Business time left before the target is exceeded (0 once it is). */
  readonly remainingMs: number;
  /** Elapsed as a percentage of the target (may exceed 100). */
  readonly percentUsed: number;
  /** When the target is (or was) reached: actual if past, projected while running, else null. */
  readonly dueAt: number | null;
  /** When the warning threshold is (or was) reached, on the same terms as `dueAt`. */
  readonly warningAt: number | null;
  /** The clock stopped (responded / completed): it escalates no further. */
  readonly stopped: boolean;
  /**
   * The due instant agents should see: `dueAt` when known, otherwise the instant the target would
   * run out had the clock gone on from where it last ran (the due time at the stop or pause).
   */
  readonly shownDueAt: number | null;
}

/**
 * Evaluates a clock's stretches against a target: `breached` once more than the target has
 * elapsed (so a clock stopped exactly at its due instant is `met`), or once a still-running clock
 * has reached its due instant (it can no longer stop in time: the breach escalates at that instant);
 * otherwise `met` when stopped, `paused` when started but not running, `running`, or `not-started`.
 */
export function evaluateTarget(track: ClockTrack, targetMs: number, warningPercent: number, calendar: BusinessCalendar): TargetClock {
  const lengths = track.stretches.map((s) => calendar.businessMillisBetween(s.from, s.to));
  const elapsedMs = lengths.reduce((sum, length) => sum + length, 0);
  const instantOf = (amount: number) => findInstantOfElapsed(track, lengths, amount, calendar);
  const state: TargetState = !track.started
    ? 'not-started'
    : elapsedMs > targetMs || (track.running && elapsedMs >= targetMs)
      ? 'breached'
      : track.stopped
        ? 'met'
        : track.running
          ? 'running'
          : 'paused';
  return {
    state,
    targetMs,
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    percentUsed: (elapsedMs / targetMs) * 100,
    dueAt: instantOf(targetMs),
    warningAt: instantOf(Math.round((targetMs * warningPercent) / 100)),
    stopped: track.stopped,
    shownDueAt: instantOf(targetMs) ?? projectFromLastRun(track, targetMs - elapsedMs, calendar),
  };
}

function projectFromLastRun(track: ClockTrack, leftMs: number, calendar: BusinessCalendar): number | null {
  const last = track.stretches[track.stretches.length - 1];
  return last ? calendar.addBusinessMillis(last.to, Math.max(0, leftMs)) : null;
}

/** The instant at which the clock's elapsed time reaches `amount`: within a past stretch, or projected along the running one. */
function findInstantOfElapsed(track: ClockTrack, lengths: readonly number[], amount: number, calendar: BusinessCalendar): number | null {
  let before = 0;
  for (const [i, stretch] of track.stretches.entries()) {
    const length = lengths[i] as number;
    const isOpen = track.running && i === track.stretches.length - 1;
    if (amount <= before + length || isOpen) return calendar.addBusinessMillis(stretch.from, amount - before);
    before += length;
  }
  return null;
}
