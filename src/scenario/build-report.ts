import { registrationFlags } from '../domain/registration/registration-state.js';
import type { WorkflowState } from '../domain/workflow/workflow-state.js';
import { respondedAtOf } from '../domain/reports/records-of-history.js';
import { isoOf, type RequestReport, type ScenarioReport } from './report.js';

/** One scenario request as the runner finds it at the end: the simulator's record and the worker's state. */
export interface RequestOutcome {
  ref: string;
  status: string;
  /** The problem ref the request is linked to in the simulator, if any. */
  problemRef: string | null;
  /** Notes on the request written by the service's API user. */
  workerNotes: number;
  state: WorkflowState | null;
  /** The name of the team the worker last routed the request to, or null. */
  routedTo?: string | null;
  /** A person's name by node id (who excused). */
  nameOf?: (personId: string) => string;
  /** The customer named in the scenario's `create`, or null. */
  customer?: string | null;
}

/** One problem the worker created, in creation order. */
export interface ProblemOutcome {
  ref: string;
  reason: 'top_incident' | 'repeated_incidents' | 'customer_request';
  /** Every RCA reason, in the order promised (the first is `reason`). */
  reasons?: ('top_incident' | 'repeated_incidents' | 'customer_request')[];
  requestRefs: string[];
  rcaDueMs: number | null;
  /** When the RCA report went on the problem, or null. */
  rcaReportAtMs?: number | null;
}

/**
 * The report of one request: targets and breaches from the worker's facts, the response and
 * resolution instants from its SLA history (the instants the worker recorded, not step times),
 * and its escalations in the order they happened.
 */
export function reportRequest(outcome: RequestOutcome): RequestReport {
  const facts = outcome.state?.facts ?? null;
  const events = [...(outcome.state?.events ?? [])].sort((a, b) => a.at - b.at);
  const statusChanges = events.flatMap((e) => (e.kind === 'status-changed' ? [e] : []));
  const completions = statusChanges.filter((e) => e.status === 'completed');
  const rule = outcome.state?.rule;
  const excused = outcome.state?.excused ?? null;
  const inClock = facts !== null && !facts.flags.includes('outside_sla');
  return {
    priority: facts?.priority ?? null,
    responseDue: isoOf(facts?.responseDueMs),
    resolutionDue: isoOf(facts?.resolutionDueMs),
    respondedAt: inClock ? isoOf(respondedAtOf(events, rule?.responseBy ?? 'status')) : null,
    rootCauseAt: inClock && rule?.resolutionClockStart === 'root_cause' ? isoOf(rootCauseAtOf(events)) : null,
    resolvedAt: outcome.status === 'completed' ? isoOf(completions.at(-1)?.at) : null,
    responseBreached: facts?.responseState === 'breached',
    resolutionBreached: facts?.resolutionState === 'breached',
    escalations: (outcome.state?.escalations ?? []).map((e) => ({
      level: e.level,
      target: e.target,
      at: isoOf(e.atMs) as string,
      ...(e.reason === 'customer' ? { reason: 'customer' as const } : {}),
    })),
    flags: [...(facts?.flags ?? []), ...registrationFlags(outcome.state?.registration)],
    problem: outcome.problemRef,
    notes: outcome.workerNotes,
    routedTo: outcome.routedTo ?? null,
    excused: excused ? { reason: excused.reason, by: outcome.nameOf?.(excused.by) ?? excused.by, at: isoOf(excused.at) as string } : null,
    customer: outcome.customer ?? null,
  };
}

/** The root cause that started the resolution clock: the first recorded while the request was not completed (track-clocks.ts). */
function rootCauseAtOf(events: WorkflowState['events']): number | null {
  let completed = false;
  for (const event of events) {
    if (event.kind === 'status-changed') completed = event.status === 'completed';
    if (event.kind === 'root-cause-recorded' && !completed) return event.at;
  }
  return null;
}

/** The whole report, requests and problems keyed by their refs. */
export function buildReport(
  requests: readonly RequestOutcome[],
  problems: readonly ProblemOutcome[],
  xurrentCalls: number,
): ScenarioReport {
  return {
    requests: Object.fromEntries(requests.map((r) => [r.ref, reportRequest(r)])),
    problems: Object.fromEntries(
      problems.map((p) => [
        p.ref,
        {
          reason: p.reason,
          reasons: p.reasons ?? [p.reason],
          requests: p.requestRefs,
          rcaDue: isoOf(p.rcaDueMs),
          rcaReportAt: isoOf(p.rcaReportAtMs),
        },
      ]),
    ),
    xurrentCalls,
  };
}
