import type { Impact, Priority } from '../triage/categories.js';

/** What problem detection needs to know of one incident. */
export interface IncidentFacts {
  id: string;
  /** Registration instant, epoch ms. */
  createdAtMs: number;
  impact: Impact | null;
  priority: Priority | null;
  /** The service instance or configuration item the incidents are grouped by; null: no group. */
  groupKey: string | null;
  /** The problem this incident already links to, if any. */
  problemId: string | null;
}

export interface ProblemPolicy {
  /** Impacts that disrupt production (PROBLEM_IMPACTS). */
  impacts: readonly Impact[];
  /** How many qualifying incidents in one group make a repeat (PROBLEM_REPEAT_THRESHOLD). */
  repeatThreshold: number;
  /** How far back incidents count towards a repeat, in ms (PROBLEM_WINDOW_DAYS). */
  windowMs: number;
}

export type ProblemReason = 'top_incident' | 'repeated_incidents';

/**
 * The problem an incident is already linked to, as read from Xurrent: whether it is still open and
 * whether its notes hold this incident's own `top_incident` promise (marker
 * `rca-promise:top_incident:<request>:…`). Absent: unknown (treated as nothing to add).
 */
export interface LinkedProblem {
  open: boolean;
  /** Declined (needs no analysis); absent: not known, read as a closed problem that takes no promise. */
  declined?: boolean;
  hasTopPromise: boolean;
}

export type ProblemDecision =
  | { action: 'none'; why: string }
  | {
      action: 'link';
      problemId: string;
      requestIds: string[];
      why: string;
      /** `top_incident`: the link brings its own RCA promise (§3.3). */ reason?: ProblemReason;
    }
  | { action: 'create'; reason: ProblemReason; groupKey: string | null; requestIds: string[]; why: string };

/**
 * Decides whether an incident needs a problem record. Every Top incident gets one (reason
 * `top_incident`); incidents whose impact disrupts production and that occur at least
 * `repeatThreshold` times in one group within the window share one (reason `repeated_incidents`).
 * One open problem per group: when the group already has one, qualifying incidents are linked to
 * it instead. `recent` holds the group's other incidents (any order, may include the incident itself).
 */
export function decideProblem(
  incident: IncidentFacts,
  recent: readonly IncidentFacts[],
  openProblemId: string | null,
  policy: ProblemPolicy,
  linked?: LinkedProblem | null,
): ProblemDecision {
  const isTop = incident.priority === 'top';
  const disrupts = incident.impact !== null && policy.impacts.includes(incident.impact);
  if (!isTop && !disrupts) return { action: 'none', why: 'not a Top incident and its impact does not disrupt production' };
  if (incident.problemId) {
    // A Top incident linked by hand, raised to Top after its link, or linked first by another incident's
    // check as a repeat: its own RCA promise is still owed (§2.3, §3.3), once (found by its marker).
    // Also on a solved problem: the cause came back, and a report made before the incident does not
    // cover it; a declined problem needs no analysis.
    const takesPromise = linked !== null && linked !== undefined && (linked.open || linked.declined === false);
    if (isTop && takesPromise && !linked.hasTopPromise) {
      return {
        action: 'link',
        problemId: incident.problemId,
        requestIds: [incident.id],
        why: 'a Top incident linked to this problem adds its own root-cause analysis',
        reason: 'top_incident',
      };
    }
    return { action: 'none', why: `already linked to problem ${incident.problemId}` };
  }

  const repeats = incident.groupKey === null ? [incident] : qualifyingInWindow(incident, recent, policy);
  const isRepeat = repeats.length >= policy.repeatThreshold;
  if (!isTop && !isRepeat) return { action: 'none', why: `${repeats.length} of ${policy.repeatThreshold} incidents needed for a repeat` };

  const unlinked = repeats.filter((i) => i.problemId === null).map((i) => i.id);
  if (openProblemId && incident.groupKey !== null) {
    // A Top incident keeps its own RCA promise on the group's open problem (§2.3 "telkens", §3.3 "always proactively").
    return isTop
      ? {
          action: 'link',
          problemId: openProblemId,
          requestIds: unlinked,
          why: 'the group already has an open problem; a Top incident adds its own root-cause analysis',
          reason: 'top_incident',
        }
      : { action: 'link', problemId: openProblemId, requestIds: unlinked, why: 'the group already has an open problem' };
  }
  const reason: ProblemReason = isTop ? 'top_incident' : 'repeated_incidents';
  const requestIds = reason === 'top_incident' && !isRepeat ? [incident.id] : unlinked;
  return { action: 'create', reason, groupKey: incident.groupKey, requestIds, why: describe(reason, repeats.length) };
}

/** The group's production-disrupting incidents within the window before (and including) this one. */
function qualifyingInWindow(incident: IncidentFacts, recent: readonly IncidentFacts[], policy: ProblemPolicy): IncidentFacts[] {
  const byId = new Map<string, IncidentFacts>([[incident.id, incident]]);
  for (const other of recent) {
    const inGroup = other.groupKey === incident.groupKey;
    const inWindow = other.createdAtMs <= incident.createdAtMs && incident.createdAtMs - other.createdAtMs <= policy.windowMs;
    const qualifies = other.priority === 'top' || (other.impact !== null && policy.impacts.includes(other.impact));
    if (inGroup && inWindow && qualifies && !byId.has(other.id)) byId.set(other.id, other);
  }
  return [...byId.values()].sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
}

function describe(reason: ProblemReason, count: number): string {
  return reason === 'top_incident'
    ? 'every Top incident gets a problem with a root-cause analysis'
    : `${count} production-disrupting incidents in one group`;
}
