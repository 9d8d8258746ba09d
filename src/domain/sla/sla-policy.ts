/** The contract's priorities, most urgent first (Xurrent's request priority values). */
export const PRIORITIES = ['top', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Response and resolution targets of one priority, in business milliseconds. */
export interface TargetPair {
  readonly responseMs: number;
  readonly resolutionMs: number;
}

export type SlaTargets = Readonly<Record<Priority, TargetPair>>;

/** Share of requests (percent, 0–100) of each priority that must be handled within target. */
export type SlaGoals = Readonly<Record<Priority, number>>;

/** When the resolution clock starts: at creation, or when the root cause is recorded. */
export const RESOLUTION_CLOCK_STARTS = ['created', 'root_cause'] as const;
export type ResolutionClockStart = (typeof RESOLUTION_CLOCK_STARTS)[number];

/**
 * What ends the response clock: `person` (§3.2 read as a person's response: a provider person's
 * public note or status change, never the worker's own writes), or `status` (the reading before
 * issue 16: the first responding status change by anyone; kept for records decided under it).
 */
export type ResponseBy = 'person' | 'status';

/** Everything the SLA clock needs besides the calendar. */
export interface SlaPolicy {
  readonly targets: SlaTargets;
  /** Percent of a target after which the clock warns (e.g. 75). */
  readonly warningPercent: number;
  readonly resolutionClockStart: ResolutionClockStart;
  /** Absent: `status` (the old reading), so histories and tests written before it read as they did. */
  readonly responseBy?: ResponseBy;
}
