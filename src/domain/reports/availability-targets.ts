import type { AvailabilityFigures, AvailabilityReport } from './availability.js';

export type Deployment = 'cloud' | 'on_premise';

export interface AvailabilityTargets {
  /** Minimum availability in office hours, percent. */
  officeHoursPercent: number;
  /** Minimum availability outside office hours, percent; null when the contract sets none. */
  outsideOfficeHoursPercent: number | null;
  /** Most interruptions allowed in a month. */
  maxInterruptions: number;
}

/**
 * The service's own targets by contract: in office hours 99.5 % hosted (`cloud`), 97.5 % on
 * premise; outside office hours 95 % when hosted (no target on premise, where the customer runs
 * the machine at night); at most 3 interruptions a month.
 */
export function availabilityTargetsFor(deployment: Deployment): AvailabilityTargets {
  return deployment === 'cloud'
    ? { officeHoursPercent: 99.5, outsideOfficeHoursPercent: 95, maxInterruptions: 3 }
    : { officeHoursPercent: 97.5, outsideOfficeHoursPercent: null, maxInterruptions: 3 };
}

export interface AvailabilityVerdict {
  officeHoursMet: boolean | null;
  outsideOfficeHoursMet: boolean | null;
  interruptionsMet: boolean;
}

/**
 * Met when the up share reaches the target (exactly 99.5 % meets 99.5), judged on the milliseconds,
 * not the rounded percent; null when the stretch has no time or there is no target.
 */
export function judgeAvailability(report: AvailabilityReport, targets: AvailabilityTargets): AvailabilityVerdict {
  const reaches = (figures: AvailabilityFigures, target: number | null) =>
    figures.totalMs === 0 || target === null ? null : figures.upMs * 100 >= target * figures.totalMs;
  return {
    officeHoursMet: reaches(report.officeHours, targets.officeHoursPercent),
    outsideOfficeHoursMet: reaches(report.outsideOfficeHours, targets.outsideOfficeHoursPercent),
    interruptionsMet: report.interruptions <= targets.maxInterruptions,
  };
}
