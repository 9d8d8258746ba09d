import type { AvailabilityFigures } from '../domain/reports/availability.js';
import type { AvailabilityResult } from './read-availability.js';

const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * The availability report as JSON: instants ISO (UTC), durations in seconds (outages can be
 * shorter than a minute), percents with three decimals, each figure beside its target and verdict.
 */
export function availabilityToJson(result: AvailabilityResult, month?: string) {
  const { report, verdict, targets } = result;
  const figures = (f: AvailabilityFigures | undefined, target: number | null, met: boolean | null | undefined) => ({
    percent: f?.percent ?? null,
    target,
    met: met ?? null,
    downSeconds: f ? seconds(f.totalMs - f.upMs) : null,
    totalSeconds: f ? seconds(f.totalMs) : null,
  });
  return {
    ...(month ? { month } : {}),
    period: { from: iso(result.period.fromMs), to: iso(result.period.toMs) },
    measured: result.measured ? { from: iso(result.measured.fromMs), to: iso(result.measured.toMs) } : null,
    deployment: result.deployment,
    officeHours: figures(report?.officeHours, targets.officeHoursPercent, verdict?.officeHoursMet),
    outsideOfficeHours: figures(report?.outsideOfficeHours, targets.outsideOfficeHoursPercent, verdict?.outsideOfficeHoursMet),
    interruptions: { count: report?.interruptions ?? null, max: targets.maxInterruptions, met: verdict?.interruptionsMet ?? null },
    longestInterruptionSeconds: report ? seconds(report.longestInterruptionMs) : null,
    outages: (report?.outages ?? []).map((o, i) => ({
      from: iso(o.fromMs),
      to: iso(o.toMs),
      seconds: seconds(o.toMs - o.fromMs),
      down: result.outageSeries[i] ?? [],
    })),
  };
}
export type AvailabilityJson = ReturnType<typeof availabilityToJson>;
