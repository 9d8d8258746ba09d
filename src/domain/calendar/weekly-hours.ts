/** One opening window of a weekday, in minutes after local midnight: `[startMinute, endMinute)`, end ≤ 1440 (24:00). */
export interface TimeWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Opening windows per weekday, index 0 = Monday … 6 = Sunday, each list sorted and non-overlapping. */
export type WeeklyHours = readonly (readonly TimeWindow[])[];

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Business minutes in a week without holidays or clock changes. */
export function weeklyBusinessMinutes(weekly: WeeklyHours): number {
  return weekly.reduce((sum, windows) => sum + windows.reduce((day, w) => day + w.endMinute - w.startMinute, 0), 0);
}
