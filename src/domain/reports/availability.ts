import type { BusinessCalendar } from '../calendar/business-calendar.js';

/** A stretch [fromMs, toMs) during which the service was down. */
export interface Outage {
  fromMs: number;
  toMs: number;
}

export interface AvailabilityFigures {
  /** Up share of the time, 0–100 with three decimals; null when the stretch has no time. */
  percent: number | null;
  upMs: number;
  totalMs: number;
}

export interface AvailabilityReport {
  officeHours: AvailabilityFigures;
  outsideOfficeHours: AvailabilityFigures;
  interruptions: number;
  longestInterruptionMs: number;
  outages: Outage[];
}

/**
 * Outages from heartbeat instants: the service counts as down from `graceMs` after a heartbeat
 * until the next one when the gap is longer than `graceMs` (a missed beat or two is no outage),
 * and before the first / after the last heartbeat of the period likewise. Instants in epoch ms.
 */
export function outagesFromHeartbeats(heartbeats: readonly number[], period: { fromMs: number; toMs: number }, graceMs: number): Outage[] {
  const beats = heartbeats.filter((t) => t >= period.fromMs - graceMs && t < period.toMs).sort((a, b) => a - b);
  const outages: Outage[] = [];
  let lastUp = period.fromMs - graceMs;
  for (const beat of [...beats, period.toMs + graceMs]) {
    const downFrom = Math.max(lastUp + graceMs, period.fromMs);
    const downTo = Math.min(beat, period.toMs);
    if (downTo > downFrom) outages.push({ fromMs: downFrom, toMs: downTo });
    lastUp = Math.max(lastUp, beat);
  }
  return mergeOutages(outages);
}

/** Overlapping or touching outages as one (an outage seen by two probes is one interruption). */
export function mergeOutages(outages: readonly Outage[]): Outage[] {
  const sorted = [...outages].filter((o) => o.toMs > o.fromMs).sort((a, b) => a.fromMs - b.fromMs);
  const merged: Outage[] = [];
  for (const outage of sorted) {
    const last = merged[merged.length - 1];
    if (last && outage.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, outage.toMs);
    else merged.push({ ...outage });
  }
  return merged;
}

/**
 * The service's own availability over a period, split into office hours (the support calendar)
 * and the rest, with the number of interruptions and the longest one. Outages are clipped to the period.
 */
export function summariseAvailability(
  outages: readonly Outage[],
  period: { fromMs: number; toMs: number },
  officeHours: BusinessCalendar,
): AvailabilityReport {
  const clipped = mergeOutages(outages.map((o) => ({ fromMs: Math.max(o.fromMs, period.fromMs), toMs: Math.min(o.toMs, period.toMs) })));
  const totalMs = period.toMs - period.fromMs;
  const officeTotal = officeHours.businessMillisBetween(period.fromMs, period.toMs);
  const officeDown = clipped.reduce((sum, o) => sum + officeHours.businessMillisBetween(o.fromMs, o.toMs), 0);
  const allDown = clipped.reduce((sum, o) => sum + (o.toMs - o.fromMs), 0);
  return {
    officeHours: figures(officeTotal - officeDown, officeTotal),
    outsideOfficeHours: figures(totalMs - officeTotal - (allDown - officeDown), totalMs - officeTotal),
    interruptions: clipped.length,
    longestInterruptionMs: clipped.reduce((longest, o) => Math.max(longest, o.toMs - o.fromMs), 0),
    outages: clipped,
  };
}

function figures(upMs: number, totalMs: number): AvailabilityFigures {
  return { percent: totalMs === 0 ? null : Math.round((upMs / totalMs) * 100_000) / 1_000, upMs, totalMs };
}

/**
 * Outages as the complement, within the period, of the stretches a series was seen up (each
 * stretch `[first beat, last beat + one sample interval)`, added by the caller). Overlapping
 * stretches of several processes of one role count once: the role is up while any process is.
 */
export function outagesFromUptime(ups: readonly Outage[], period: { fromMs: number; toMs: number }): Outage[] {
  const outages: Outage[] = [];
  let downFrom = period.fromMs;
  for (const up of mergeOutages(ups)) {
    if (up.toMs <= downFrom) continue;
    if (up.fromMs >= period.toMs) break;
    if (up.fromMs > downFrom) outages.push({ fromMs: downFrom, toMs: up.fromMs });
    downFrom = Math.max(downFrom, up.toMs);
  }
  if (downFrom < period.toMs) outages.push({ fromMs: downFrom, toMs: period.toMs });
  return outages;
}

/**
 * The worker's own series without gaps shorter than `graceMs`: such a gap is neither downtime nor
 * an interruption. Heartbeats every 30 s cannot resolve less than a couple of samples, and a
 * restart (deploy, crash and respawn) shows as a gap of a minute or two in which requests wait
 * in the queue and nothing is lost (AVAILABILITY_GRACE_SECONDS, docs/reporting.md).
 */
export function withoutShortGaps(outages: readonly Outage[], graceMs: number): Outage[] {
  return mergeOutages(outages).filter((o) => o.toMs - o.fromMs >= graceMs);
}
