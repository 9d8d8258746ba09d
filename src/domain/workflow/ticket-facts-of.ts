import type { SlaState, TicketFacts } from '../notes/ticket-facts.js';
import type { TargetState } from '../sla/evaluate-target.js';
import type { SlaClock } from '../sla/sla-clock.js';
import type { Flag, Triage } from '../triage/classify.js';

const SHOWN_STATE: Record<TargetState, SlaState> = {
  'not-started': 'none',
  running: 'running',
  paused: 'paused',
  met: 'met',
  breached: 'breached',
};

/** The facts shown on the ticket, from its classification and its SLA clock (an incident outside the SLA's scope is flagged `outside_sla`). */
export function toTicketFacts(triage: Triage, clock: SlaClock, scope: { outsideSla?: boolean } = {}): TicketFacts {
  const flags: Flag[] = [...triage.flags];
  if (scope.outsideSla && triage.kind === 'incident') flags.push('outside_sla');
  if (clock.hasClock && clock.noRootCause) flags.push('no_root_cause_recorded');
  return {
    kind: triage.kind,
    priority: clock.hasClock ? clock.priority : triage.priority,
    priorityReason: triage.reason,
    responseDueMs: clock.hasClock ? clock.response.shownDueAt : null,
    resolutionDueMs: clock.hasClock ? clock.resolution.shownDueAt : null,
    responseState: clock.hasClock ? SHOWN_STATE[clock.response.state] : 'none',
    resolutionState: clock.hasClock ? SHOWN_STATE[clock.resolution.state] : 'none',
    flags,
  };
}
