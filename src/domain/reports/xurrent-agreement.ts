import { decidedAtMs, type SlaRecord, type TargetKind } from './sla-record.js';

/** How far the worker's due instant and Xurrent's own target may lie apart before the review lists it. */
export const AGREEMENT_TOLERANCE_MS = 60_000;

/** A target whose due instant differs from Xurrent's own affected SLA's by more than the tolerance. */
export interface TargetDisagreement {
  requestId: string;
  target: TargetKind;
  workerDueMs: number;
  xurrentDueMs: number;
  /** Xurrent's minus the worker's, in ms (positive: Xurrent gives more time). */
  differenceMs: number;
}

/**
 * The targets of the period (counted as `summariseSla` counts them) where Xurrent's affected SLA
 * gives a target instant (`xurrentDueMs`) more than a minute away from the worker's due instant,
 * so a misconfigured calendar, holiday or SLA on either side shows up. A resolution target that
 * started at the root cause (§3.2) is not compared: Xurrent's runs from registration by design.
 */
export function targetDisagreements(
  records: readonly SlaRecord[],
  period: { fromMs: number; toMs: number; asOfMs: number },
  toleranceMs = AGREEMENT_TOLERANCE_MS,
): TargetDisagreement[] {
  const inPeriod = (ms: number) => ms >= period.fromMs && ms < period.toMs;
  const registeredAt = new Map<string, number>();
  for (const r of records) if (r.target === 'response') registeredAt.set(r.requestId, r.startMs);
  return records
    .filter((r) => {
      const decided = decidedAtMs(r, period.asOfMs);
      return decided === null ? inPeriod(r.startMs) : inPeriod(decided);
    })
    .filter((r) => typeof r.xurrentDueMs === 'number')
    .filter((r) => r.target === 'response' || (registeredAt.get(r.requestId) ?? r.startMs) === r.startMs)
    .map((r) => ({
      requestId: r.requestId,
      target: r.target,
      workerDueMs: r.dueMs,
      xurrentDueMs: r.xurrentDueMs as number,
      differenceMs: (r.xurrentDueMs as number) - r.dueMs,
    }))
    .filter((d) => Math.abs(d.differenceMs) > toleranceMs)
    .sort((a, b) => a.workerDueMs - b.workerDueMs || a.requestId.localeCompare(b.requestId));
}
