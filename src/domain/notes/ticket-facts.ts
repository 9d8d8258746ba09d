import type { Flag } from '../triage/classify.js';
import type { Priority } from '../triage/categories.js';

export type SlaState = 'none' | 'running' | 'paused' | 'met' | 'breached';

/** What agents should see on a ticket: the facts the worker derived, as plain values. */
export interface TicketFacts {
  kind: 'incident' | 'rfi' | 'rfc' | 'other';
  priority: Priority | null;
  priorityReason: string;
  /** Epoch ms, or null when the target does not apply. */
  responseDueMs: number | null;
  resolutionDueMs: number | null;
  responseState: SlaState;
  resolutionState: SlaState;
  flags: readonly Flag[];
}

export interface FactChange {
  field: 'priority' | 'responseDue' | 'resolutionDue' | 'responseState' | 'resolutionState' | 'flags';
  from: string;
  to: string;
}

/** Formats an instant for agents and customers: local time of the support zone, in the chosen locale. */
export type FormatInstant = (epochMs: number | null) => string;

/** The facts that changed between two derivations, already formatted for a note; empty when nothing did. */
export function diffTicketFacts(before: TicketFacts, after: TicketFacts, format: FormatInstant): FactChange[] {
  const changes: FactChange[] = [];
  const add = (field: FactChange['field'], from: string, to: string) => {
    if (from !== to) changes.push({ field, from, to });
  };
  add('priority', before.priority ?? 'none', after.priority ?? 'none');
  add('responseDue', format(before.responseDueMs), format(after.responseDueMs));
  add('resolutionDue', format(before.resolutionDueMs), format(after.resolutionDueMs));
  add('responseState', before.responseState, after.responseState);
  add('resolutionState', before.resolutionState, after.resolutionState);
  add('flags', before.flags.join(', ') || 'none', after.flags.join(', ') || 'none');
  return changes;
}
