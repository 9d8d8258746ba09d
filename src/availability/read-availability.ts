import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { createBusinessCalendar, type BusinessCalendar } from '../domain/calendar/business-calendar.js';
import {
  outagesFromUptime,
  summariseAvailability,
  withoutShortGaps,
  type AvailabilityReport,
  type Outage,
} from '../domain/reports/availability.js';
import {
  availabilityTargetsFor,
  judgeAvailability,
  type AvailabilityTargets,
  type AvailabilityVerdict,
  type Deployment,
} from '../domain/reports/availability-targets.js';
import { createUptimeStore, type UptimeStore } from './uptime-store.js';

/** What must be up for the service to be available: a web process, a worker process, and `/readyz` answering 200. */
export const AVAILABILITY_SERIES = ['web', 'worker', 'readiness'] as const;

export interface AvailabilityResult {
  period: { fromMs: number; toMs: number };
  /** The part of the period measured: from the first heartbeat ever kept, up to now; null when none. */
  measured: { fromMs: number; toMs: number } | null;
  report: AvailabilityReport | null;
  /** For each outage of `report`, the series that were down during it. */
  outageSeries: string[][];
  deployment: Deployment;
  targets: AvailabilityTargets;
  verdict: AvailabilityVerdict | null;
}

export interface AvailabilityReaderDeps {
  store: UptimeStore;
  officeHours: BusinessCalendar;
  sampleMs: number;
  deployment: Deployment;
  series?: readonly string[];
  /** Gaps shorter than this are no outage (AVAILABILITY_GRACE_SECONDS); absent: 0, every gap counts. */
  graceMs?: number;
}

/** Turns the heartbeat history into outages and the monthly availability figures and verdicts. */
export async function readAvailability(
  deps: AvailabilityReaderDeps,
  period: { fromMs: number; toMs: number },
  nowMs: number,
): Promise<AvailabilityResult> {
  const targets = availabilityTargetsFor(deps.deployment);
  const first = await deps.store.firstBeatMs();
  const measured = first === null ? null : { fromMs: Math.max(period.fromMs, first), toMs: Math.min(period.toMs, nowMs) };
  const base = { period, deployment: deps.deployment, targets };
  if (measured === null || measured.toMs <= measured.fromMs)
    return { ...base, measured: null, report: null, outageSeries: [], verdict: null };

  const perSeries = await Promise.all(
    (deps.series ?? AVAILABILITY_SERIES).map(async (name) => {
      const runs = await deps.store.runs(name, measured.fromMs - deps.sampleMs, measured.toMs);
      // A process that beat at t promised its next beat by t + sample: up until then.
      const ups = runs.map((run) => ({ fromMs: run.startMs, toMs: run.lastBeatMs + deps.sampleMs }));
      return { name, outages: outagesFromUptime(ups, measured) };
    }),
  );
  const report = summariseAvailability(
    withoutShortGaps(
      perSeries.flatMap((s) => s.outages),
      deps.graceMs ?? 0,
    ),
    measured,
    deps.officeHours,
  );
  const overlaps = (a: Outage, b: Outage) => a.fromMs < b.toMs && b.fromMs < a.toMs;
  const outageSeries = report.outages.map((outage) =>
    perSeries.filter((s) => s.outages.some((o) => overlaps(o, outage))).map((s) => s.name),
  );
  return { ...base, measured, report, outageSeries, verdict: judgeAvailability(report, targets) };
}

/** The same from the service's configuration: `readAvailabilityReport({ redis, config, fromMs, toMs, nowMs })`. */
export function readAvailabilityReport(input: {
  redis: Redis;
  config: Pick<Config, 'queue' | 'reports' | 'operations' | 'sla'>;
  fromMs: number;
  toMs: number;
  nowMs: number;
}): Promise<AvailabilityResult> {
  return readAvailability(availabilityDepsOf(input.redis, input.config), { fromMs: input.fromMs, toMs: input.toMs }, input.nowMs);
}

export function availabilityDepsOf(redis: Redis, config: Pick<Config, 'queue' | 'reports' | 'operations' | 'sla'>): AvailabilityReaderDeps {
  return {
    store: createUptimeStore(redis, config.queue.prefix, config.reports.retentionDays),
    officeHours: createBusinessCalendar(config.sla.calendar),
    sampleMs: config.operations.healthSampleSeconds * 1000,
    deployment: config.operations.deployment,
    graceMs: config.reports.availabilityGraceMs,
  };
}
