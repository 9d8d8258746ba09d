import type { Priority, SlaGoalGroup, SlaGoals } from '../sla/sla-policy.js';
import { decidedAtMs, outcomeOf, type RecordExcuse, type ReportCustomer, type SlaRecord } from './sla-record.js';

/**
 * One request judged as §3.2's goals count it: `within` when every target it started was met,
 * `missed` when one was breached, `running` while any started target is undecided or its
 * resolution target has not started yet (root-cause start: the request is not through).
 */
export interface RequestOutcome {
  requestId: string;
  priority: Priority;
  customer: ReportCustomer | null;
  outcome: 'within' | 'missed' | 'running';
  /** When its last started target was decided (the period it counts in); null while running. */
  decidedAtMs: number | null;
  /** The first instant any of its targets ran. */
  startMs: number;
  excused: RecordExcuse | null;
}

/** The requests of a set of records, each judged at `asOfMs`. */
export function requestOutcomes(records: readonly SlaRecord[], asOfMs: number): RequestOutcome[] {
  const byRequest = new Map<string, SlaRecord[]>();
  for (const record of records) byRequest.set(record.requestId, [...(byRequest.get(record.requestId) ?? []), record]);
  return [...byRequest.values()].map((own) => outcomeOfRequest(own, asOfMs));
}

function outcomeOfRequest(records: readonly SlaRecord[], asOfMs: number): RequestOutcome {
  const first = records[0] as SlaRecord;
  const resolution = records.find((r) => r.target === 'resolution');
  const outcomes = records.map((r) => outcomeOf(r, asOfMs));
  const decided = resolution !== undefined && !outcomes.includes('running');
  const latest = (pick: (r: SlaRecord) => RecordExcuse | ReportCustomer | null | undefined) => pick(resolution ?? first) ?? null;
  return {
    requestId: first.requestId,
    priority: (resolution ?? first).priority,
    customer: latest((r) => r.customer) as ReportCustomer | null,
    outcome: !decided ? 'running' : outcomes.includes('breached') ? 'missed' : 'within',
    decidedAtMs: decided ? Math.max(...records.map((r) => decidedAtMs(r, asOfMs) ?? r.startMs)) : null,
    startMs: Math.min(...records.map((r) => r.startMs)),
    excused: latest((r) => r.excused) as RecordExcuse | null,
  };
}

/** One goal of §3.2 over a period, as the review shows it. */
export interface GoalSummary {
  name: string;
  priorities: readonly Priority[];
  goalPercent: number;
  /** Requests of the group decided in the period, excused ones included. */
  requests: number;
  /** Of those, within every target they started. */
  withinTarget: number;
  /** Of those, missed a target but excused (§3.3: not the provider's doing). */
  excused: number;
  /** withinTarget / (requests − excused), 0–100 with two decimals; null when that is 0. */
  percent: number | null;
  /** withinTarget / requests: the excused misses counted as missed; null when no request. */
  percentIncludingExcused: number | null;
  /** `percent` reaches the goal (judged exactly, not on the rounded figure); null when there is nothing to judge. */
  met: boolean | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/**
 * The goals over a period [fromMs, toMs): a request counts in the period its last started target
 * was decided. An excused miss leaves both numerator and denominator of `percent`, and counts as
 * missed in `percentIncludingExcused`; an excuse on a request within target changes nothing.
 */
export function summariseGoals(
  outcomes: readonly RequestOutcome[],
  period: { fromMs: number; toMs: number },
  goals: SlaGoals,
): GoalSummary[] {
  const decided = outcomes.filter((o) => o.decidedAtMs !== null && o.decidedAtMs >= period.fromMs && o.decidedAtMs < period.toMs);
  return goals.map((group) =>
    summariseGroup(
      group,
      decided.filter((o) => group.priorities.includes(o.priority)),
    ),
  );
}

function summariseGroup(group: SlaGoalGroup, outcomes: readonly RequestOutcome[]): GoalSummary {
  const requests = outcomes.length;
  const withinTarget = outcomes.filter((o) => o.outcome === 'within').length;
  const excused = outcomes.filter((o) => o.outcome === 'missed' && o.excused !== null).length;
  const judged = requests - excused;
  return {
    name: group.name,
    priorities: group.priorities,
    goalPercent: group.goalPercent,
    requests,
    withinTarget,
    excused,
    percent: share(withinTarget, judged),
    percentIncludingExcused: share(withinTarget, requests),
    met: judged === 0 ? null : withinTarget * 100 >= group.goalPercent * judged,
  };
}

/**
 * Requests still running at the end of the period (started before it ends, not decided before it
 * ends), listed apart from the goals: stable once the period is closed.
 */
export function runningAtEnd(outcomes: readonly RequestOutcome[], period: { toMs: number }): RequestOutcome[] {
  return outcomes
    .filter((o) => o.startMs < period.toMs && (o.decidedAtMs === null || o.decidedAtMs >= period.toMs))
    .sort((a, b) => a.startMs - b.startMs || a.requestId.localeCompare(b.requestId));
}
