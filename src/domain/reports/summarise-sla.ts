import { goalPercentOf, type SlaGoals } from '../sla/sla-policy.js';
import { PRIORITIES, type Priority } from '../triage/categories.js';
import { addPausedTime, pausedTimeOf, type PausedTime } from './paused-time.js';
import { settingsApplied, type SettingsApplied } from './settings-applied.js';
import { requestOutcomes, runningAtEnd, summariseGoals, type GoalSummary, type RequestOutcome } from './request-outcomes.js';
import { decidedAtMs, outcomeOf, type RecordExcuse, type ReportCustomer, type SlaRecord, type TargetKind } from './sla-record.js';

export interface TargetSummary {
  decided: number;
  met: number;
  breached: number;
  running: number;
  /** Share of decided targets met, 0–100 with two decimals; null when none was decided. */
  withinTargetPercent: number | null;
}

export interface PrioritySummary {
  priority: Priority;
  requests: number;
  response: TargetSummary;
  resolution: TargetSummary;
  goalPercent: number;
  /** Both targets reached the goal; null when nothing was decided in the period. */
  goalMet: boolean | null;
  /** Paused business time of the counted resolution targets, by reason (incomplete requests apart). */
  paused: PausedTime;
}

export interface Breach {
  requestId: string;
  priority: Priority;
  target: TargetKind;
  serviceInstance: string | null;
  startMs: number;
  dueMs: number;
  /** When it stopped, or null while it still runs. */
  actualMs: number | null;
  /** Business time the clock was paused before it stopped (or before the report). */
  pausedBusinessMs: number;
  /** How late it stopped, or how far past due it still runs at the report instant, in ms. */
  lateByMs: number;
  reason: string | null;
  escalations: readonly string[];
  /** A resolution under the root-cause start: when the root cause was determined, or null (counted from registration); absent otherwise. */
  rootCauseAtMs?: number | null | undefined;
  /** The excuse standing on the request (§3.3), with who gave it and when; null: none. */
  excused: RecordExcuse | null;
  customer: ReportCustomer | null;
}

export interface SlaSummary {
  /** The goals used and the rules the counted records were decided under (stable closed periods). */
  settings: SettingsApplied;
  /** §3.2's goals over requests (a request within target when every target it started was met). */
  goals: GoalSummary[];
  /** Requests still running at the end of the period, apart from the goals. */
  running: RequestOutcome[];
  /** Per priority and target: the detail beside the goals (each priority shows its group's goal). */
  priorities: PrioritySummary[];
  /** The priorities' paused time added up. */
  paused: PausedTime;
  breaches: Breach[];
}

/**
 * Summarises the SLA records of a period [fromMs, toMs): a target counts in the period in which
 * its outcome was decided (see `decidedAtMs`); targets still running within target at `asOfMs`
 * count as running for requests registered in the period. The goals (§3.2) are judged per request
 * (request-outcomes.ts); per priority each target's share is shown against its group's goal, and a
 * priority's `goalMet` says whether both targets reach it (detail only). Paused time
 * is that of the counted targets, split so time paused for incomplete requests shows apart.
 */
export function summariseSla(
  records: readonly SlaRecord[],
  period: { fromMs: number; toMs: number; asOfMs: number },
  goals: SlaGoals,
): SlaSummary {
  const inPeriod = (instant: number) => instant >= period.fromMs && instant < period.toMs;
  const counted = records.filter((r) => {
    const decided = decidedAtMs(r, period.asOfMs);
    return decided === null ? inPeriod(r.startMs) : inPeriod(decided);
  });
  const priorities = PRIORITIES.map((priority) => summarisePriority(priority, counted, period.asOfMs, goalPercentOf(goals, priority)));
  const breaches = counted
    .filter((r) => outcomeOf(r, period.asOfMs) === 'breached')
    .map((r) => ({
      requestId: r.requestId,
      priority: r.priority,
      target: r.target,
      serviceInstance: r.serviceInstance,
      startMs: r.startMs,
      dueMs: r.dueMs,
      actualMs: r.actualMs,
      pausedBusinessMs: r.pausedBusinessMs,
      lateByMs: (r.actualMs ?? period.asOfMs) - r.dueMs,
      reason: r.breachReason ?? null,
      escalations: r.escalations,
      ...(r.rootCauseAtMs === undefined ? {} : { rootCauseAtMs: r.rootCauseAtMs }),
      excused: r.excused ?? null,
      customer: r.customer ?? null,
    }))
    .sort((a, b) => a.dueMs - b.dueMs || a.requestId.localeCompare(b.requestId));
  const outcomes = requestOutcomes(records, period.asOfMs);
  return {
    settings: settingsApplied(counted, goals),
    goals: summariseGoals(outcomes, period, goals),
    running: runningAtEnd(outcomes, period),
    priorities,
    paused: addPausedTime(priorities.map((p) => p.paused)),
    breaches,
  };
}

function summarisePriority(priority: Priority, records: readonly SlaRecord[], asOfMs: number, goalPercent: number): PrioritySummary {
  const own = records.filter((r) => r.priority === priority);
  const response = summariseTarget(
    own.filter((r) => r.target === 'response'),
    asOfMs,
  );
  const resolution = summariseTarget(
    own.filter((r) => r.target === 'resolution'),
    asOfMs,
  );
  const percents = [response.withinTargetPercent, resolution.withinTargetPercent].filter((p): p is number => p !== null);
  return {
    priority,
    requests: new Set(own.map((r) => r.requestId)).size,
    response,
    resolution,
    goalPercent,
    goalMet: percents.length === 0 ? null : percents.every((p) => p >= goalPercent),
    paused: pausedTimeOf(own),
  };
}

function summariseTarget(records: readonly SlaRecord[], asOfMs: number): TargetSummary {
  const outcomes = records.map((r) => outcomeOf(r, asOfMs));
  const met = outcomes.filter((o) => o === 'met').length;
  const breached = outcomes.filter((o) => o === 'breached').length;
  const decided = met + breached;
  return {
    decided,
    met,
    breached,
    running: outcomes.length - decided,
    withinTargetPercent: decided === 0 ? null : Math.round((met / decided) * 10_000) / 100,
  };
}
