import type { RoutingRule } from './routing-rules.js';

export interface RoutingFacts {
  category: string | null;
  impact: string | null;
  serviceInstanceId: string | null;
  /** The team the request is assigned to now. */
  teamId: string | null;
  /** True once the registration is complete (an incident then moves on to second line). */
  registered: boolean;
}

export type RoutingDecision = { action: 'keep'; why: string } | { action: 'assign'; teamId: string; why: string };

/**
 * The support coordinator's routing: the first rule matching the request's service instance,
 * category and impact names its team. A request that arrives unassigned or in the registration
 * team goes to the rule's first-line team; an incident whose registration is complete goes on to
 * the second-line team. A team the worker did not set itself (`lastRoutedTeamId`) is a manual
 * assignment made after its own, and is never overridden.
 */
export function routeRequest(
  facts: RoutingFacts,
  rules: readonly RoutingRule[],
  context: { registrationTeamId: string | null; lastRoutedTeamId: string | null },
): RoutingDecision {
  const rule = rules.find(
    (r) =>
      (r.serviceInstanceId === null || r.serviceInstanceId === facts.serviceInstanceId) &&
      (r.category === null || r.category === facts.category) &&
      (r.impact === null || r.impact === facts.impact),
  );
  if (!rule) return { action: 'keep', why: 'no routing rule matches' };
  const untouched = facts.teamId === null || facts.teamId === context.registrationTeamId;
  const ours = context.lastRoutedTeamId !== null && facts.teamId === context.lastRoutedTeamId;
  if (!untouched && !ours) return { action: 'keep', why: 'assigned by hand; the worker does not override it' };
  const wanted = facts.category === 'incident' && facts.registered && rule.secondLineTeamId ? rule.secondLineTeamId : rule.firstLineTeamId;
  if (facts.teamId === wanted) return { action: 'keep', why: 'already with the routed team' };
  return {
    action: 'assign',
    teamId: wanted,
    why: wanted === rule.secondLineTeamId ? 'registration complete: second line' : 'first line for this service and impact',
  };
}
