import { triageRequest, type TriagePolicy } from '../triage/classify.js';
import { isImpact } from '../triage/categories.js';
import type { IncidentFacts } from './detect-problem.js';
import { groupKeyOf, type GroupKind } from './problem-group.js';

/** A request as problem management reads it from Xurrent, as plain values (instants in epoch ms). */
export interface IncidentRow {
  id: string;
  /** What agents call it, e.g. "#123". */
  label: string;
  subject: string;
  category: string | null;
  impact: string | null;
  createdAtMs: number;
  teamId: string | null;
  problemId: string | null;
  serviceInstanceId: string | null;
  serviceInstanceName: string | null;
  serviceId: string | null;
}

/**
 * The facts problem detection works on; null for anything but an incident (only incidents become
 * problems). The priority is the triage's (impact, with PRIORITY_RULES overrides).
 */
export function toIncidentFacts(row: IncidentRow, groupBy: GroupKind, triage: TriagePolicy): IncidentFacts | null {
  const result = triageRequest(
    { category: row.category, impact: row.impact, serviceInstanceId: row.serviceInstanceId, teamId: row.teamId },
    triage,
  );
  if (result.kind !== 'incident') return null;
  return {
    id: row.id,
    createdAtMs: row.createdAtMs,
    impact: isImpact(row.impact) ? row.impact : null,
    priority: result.priority,
    groupKey: groupKeyOf(groupBy, row.serviceInstanceId),
    problemId: row.problemId,
  };
}

/**
 * True when the incident could lead to a problem write at all: Top, or impact disrupting production,
 * and not linked yet; or a Top incident already linked (its own RCA promise may be missing on that
 * problem, which only the problem's notes tell: the check reads them and adds it once).
 */
export function mayNeedProblem(facts: Pick<IncidentFacts, 'priority' | 'impact' | 'problemId'>, impacts: readonly string[]): boolean {
  if (facts.priority === 'top') return true;
  return facts.impact !== null && impacts.includes(facts.impact) && facts.problemId === null;
}
