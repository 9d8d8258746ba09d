import type { TargetKind } from '../domain/escalation/ladder.js';
import type { SlaState } from '../domain/notes/ticket-facts.js';
import type { WorkflowState } from '../domain/workflow/workflow-state.js';

export const TARGETS: readonly TargetKind[] = ['response', 'resolution'];
/** Clock states counted as open: still within target (a breached target is counted as a breach). */
export const OPEN_STATES = ['running', 'paused'] as const satisfies readonly SlaState[];

export interface SlaTransitions {
  priority: string;
  warnings: TargetKind[];
  breaches: TargetKind[];
  /** Each target's state after the change, to keep the open-clock sets in step. */
  states: Record<TargetKind, SlaState>;
  /** Each target's state before it. */
  statesBefore: Record<TargetKind, SlaState>;
}

/**
 * What changed between two saved states of one request: warnings given (new `warning`
 * escalation records) and targets that became breached. Lost state (`previous` initial) counts
 * its breaches again; metrics accept that rather than an extra read per reconcile.
 */
export function slaTransitionsOf(previous: WorkflowState, next: WorkflowState): SlaTransitions {
  const before = new Set(previous.escalations.map((e) => e.key));
  const warnings = next.escalations
    .filter((e) => e.level === 'warning' && e.target !== null && !before.has(e.key))
    .map((e) => e.target as TargetKind);
  const stateOf = (state: WorkflowState, target: TargetKind): SlaState =>
    (target === 'response' ? state.facts?.responseState : state.facts?.resolutionState) ?? 'none';
  const breaches = TARGETS.filter((t) => stateOf(next, t) === 'breached' && stateOf(previous, t) !== 'breached');
  return {
    priority: next.facts?.priority ?? 'none',
    warnings,
    breaches,
    states: { response: stateOf(next, 'response'), resolution: stateOf(next, 'resolution') },
    statesBefore: { response: stateOf(previous, 'response'), resolution: stateOf(previous, 'resolution') },
  };
}
