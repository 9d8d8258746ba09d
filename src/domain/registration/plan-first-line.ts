import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { RequestEvent } from '../sla/request-history.js';
import { planRegistration, type CompletenessPolicy, type RegistrationInput, type RegistrationPlan } from './plan-registration.js';
import { planRouting, type RoutingPolicy } from './plan-routing.js';
import { INITIAL_REGISTRATION_STATE, type RegistrationState } from './registration-state.js';

export interface FirstLinePolicy {
  completeness: CompletenessPolicy;
  routing: RoutingPolicy;
}

export interface FirstLinePlan extends RegistrationPlan {
  /** The SLA history with the worker's own status change appended (dated now). */
  events: RequestEvent[];
  /** The team to assign now, or null. */
  teamId: string | null;
  /** True while the registration is incomplete: the rest of the work (break-fix) waits for it. */
  incomplete: boolean;
}

/**
 * First line's part of a reconcile, before the SLA clock is evaluated (so the clock already sees a
 * pause or resume the worker makes now): the completeness check, then routing to the mapped team.
 * Without a policy (tests of other rules) first line does nothing. A request seen before first line
 * existed (state without a registration) counts as complete: it is routed, never asked or paused;
 * unless the worker's ask note is on it, which only first line writes: then the state was lost
 * (rebuilt after a wipe) and the registration is recovered from the markers.
 */
export function planFirstLine(
  input: RegistrationInput & { teamId: string | null },
  previous: { registration?: RegistrationState | undefined; observed: object | null },
  events: readonly RequestEvent[],
  nowMs: number,
  policy: FirstLinePolicy | undefined,
): FirstLinePlan {
  if (!policy) {
    const state = previous.registration ?? INITIAL_REGISTRATION_STATE;
    return {
      state,
      status: null,
      event: null,
      publicNote: null,
      internalNotes: [],
      reminderAtMs: null,
      events: [...events],
      teamId: null,
      incomplete: false,
    };
  }
  // A request the worker already knew before it checked registrations is not asked for anything now.
  const asked = hasMarker(input.noteTexts, noteMarker('incomplete', input.id));
  const known =
    previous.registration ??
    (previous.observed !== null && !asked ? { ...INITIAL_REGISTRATION_STATE, status: 'complete-without-asking' as const } : undefined);
  const registration = planRegistration({ ...input, waitingByWorker: waitingByWorker(events) }, known, nowMs, policy.completeness);
  const routing = planRouting(input, registration.state, policy.routing);
  return {
    ...registration,
    state: routing.state,
    events: registration.event ? [...events, registration.event] : [...events],
    teamId: routing.teamId,
    incomplete: routing.state.status === 'incomplete',
  };
}

/**
 * Whether the request's last status change on record is the worker's own waiting_for_customer (its
 * ask). False when the last one is someone else's (an agent's own wait is never lifted); undefined
 * when nothing is on record (a rebuilt state: read as the worker's while its pause is open).
 */
function waitingByWorker(events: readonly RequestEvent[]): boolean | undefined {
  const last = [...events].reverse().find((e) => e.kind === 'status-changed');
  if (!last || last.kind !== 'status-changed') return undefined;
  return last.status === 'waiting_for_customer' && last.by === 'worker';
}
