import type { Impact } from '../triage/categories.js';
import { IMPACTS } from '../triage/categories.js';

export type GroupKind = 'service_instance' | 'configuration_item';

/** The `source` of every problem the worker opens, so it can find its own problems again. */
export const PROBLEM_SOURCE = 'xurrent-support-worker';

/** The key incidents are grouped by, e.g. `service_instance:<node id>`; null when the incident has no such record. */
export function groupKeyOf(kind: GroupKind, recordId: string | null | undefined): string | null {
  return recordId ? `${kind}:${recordId}` : null;
}

/**
 * The `sourceID` of the problem for a group (its key), or for a Top incident without a group
 * (`request:<node id>`). Stable across runs, so idempotency survives a lost Redis.
 */
export function problemSourceIdOf(groupKey: string | null, incidentId: string): string {
  return groupKey ?? `request:${incidentId}`;
}

/** The highest of the impacts (top > high > medium > low); null when none is known. */
export function highestImpact(impacts: readonly (Impact | null)[]): Impact | null {
  let best = -1;
  for (const impact of impacts) if (impact !== null) best = Math.max(best, IMPACTS.indexOf(impact));
  return best < 0 ? null : (IMPACTS[best] ?? null);
}
