/** The contract's priorities, most urgent first (Xurrent's request priority values). */
export const PRIORITIES = ['top', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Response and resolution targets of one priority, in business milliseconds. */
export interface TargetPair {
  readonly responseMs: number;
  readonly resolutionMs: number;
}

export type SlaTargets = Readonly<Record<Priority, TargetPair>>;

/**
 * One goal of §3.2: the share of requests (percent, 0–100) of the pooled priorities that must be
 * within target. The contract has two: Top 100 %, and low, medium and high together 80 %.
 */
export interface SlaGoalGroup {
  /** The priorities joined by `_` as written (`top`, `low_medium_high`). */
  readonly name: string;
  readonly priorities: readonly Priority[];
  readonly goalPercent: number;
}

/** The goals: every priority in exactly one group. */
export type SlaGoals = readonly SlaGoalGroup[];

/** The contract's goals (§3.2), the default of `SLA_GOALS`. */
export const CONTRACT_GOALS: SlaGoals = [
  { name: 'top', priorities: ['top'], goalPercent: 100 },
  { name: 'low_medium_high', priorities: ['low', 'medium', 'high'], goalPercent: 80 },
];

/** The goal percent a priority is held to: that of its group. */
export function goalPercentOf(goals: SlaGoals, priority: Priority): number {
  return goals.find((g) => g.priorities.includes(priority))?.goalPercent ?? 100;
}

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
