import { isRegistered, type RegistrationState } from './registration-state.js';
import { routeRequest } from './route-request.js';
import type { RoutingRule } from './routing-rules.js';

export interface RoutingPolicy {
  rules: readonly RoutingRule[];
  /** The team requests arrive in before first line has looked at them (node id), or null. */
  registrationTeamId: string | null;
}

export interface RoutingInput {
  category: string | null;
  impact: string | null;
  serviceInstanceId: string | null;
  teamId: string | null;
  status: string;
}

const CLOSED = new Set(['completed', 'declined', 'rejected']);

/**
 * The team to assign now (or null) and the state remembering it. Runs after the completeness
 * check, so an incident whose registration is complete goes on to second line; a closed request
 * is never moved, and a team the worker did not set itself is a manual choice it keeps.
 */
export function planRouting(
  input: RoutingInput,
  registration: RegistrationState,
  policy: RoutingPolicy,
): { teamId: string | null; state: RegistrationState } {
  if (policy.rules.length === 0 || CLOSED.has(input.status)) return { teamId: null, state: registration };
  const registered = isRegistered(registration);
  const decision = routeRequest({ ...input, registered }, policy.rules, {
    registrationTeamId: policy.registrationTeamId,
    lastRoutedTeamId: registration.routedTeamId,
  });
  if (decision.action === 'keep') return { teamId: null, state: registration };
  return { teamId: decision.teamId, state: { ...registration, routedTeamId: decision.teamId } };
}
