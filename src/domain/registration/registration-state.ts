import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Requirement } from './completeness-rules.js';

/** Why the SLA clock was paused: only an incomplete registration is recorded by the worker itself. */
export type PauseReason = 'incomplete_request';

/**
 * Where a request's first-line registration stands. `complete-without-asking` and
 * `completed-after-asking` both end the check; only the second makes a report flag
 * (`completed_registration`), since the requester had to be asked first.
 */
export type RegistrationStatus = 'unchecked' | 'complete-without-asking' | 'incomplete' | 'completed-after-asking';

/** One stretch in which the worker held a request in waiting_for_customer; `toMs` null while it lasts. */
export interface PauseInterval {
  reason: PauseReason;
  fromMs: number;
  toMs: number | null;
}

/**
 * What the worker remembers of a request's first-line registration (kept in the workflow state):
 * - `status`: `unchecked` before the first check, `complete-without-asking` when nothing had to be
 *   asked (complete on arrival, closed on arrival, no rule for its category, or seen before the check
 *   existed), `incomplete` while information is missing, `completed-after-asking` once the requester's
 *   answers made it complete;
 * - `askedAtMs`: when the requester was first asked; the reminder is counted from it;
 * - `notesAtAsk`: how many of the request's own notes (not the worker's) there were at that first
 *   ask, so a reply is recognised ("something came back", no reminder) even when it did not
 *   complete the request;
 * - `pauses`: the intervals the worker paused the SLA clock for, with their reason, for reports;
 * - `routedTeamId`: the team the worker last assigned, so a later manual assignment is respected.
 */
export interface RegistrationState {
  status: RegistrationStatus;
  missing: Requirement[];
  askedAtMs: number | null;
  notesAtAsk: number;
  remindedAtMs: number | null;
  pauses: PauseInterval[];
  routedTeamId: string | null;
}

export const INITIAL_REGISTRATION_STATE: RegistrationState = {
  status: 'unchecked',
  missing: [],
  askedAtMs: null,
  notesAtAsk: 0,
  remindedAtMs: null,
  pauses: [],
  routedTeamId: null,
};

/** The check is over: the request is complete, whether or not the requester had to be asked. */
export const isRegistered = (state: RegistrationState): boolean =>
  state.status === 'complete-without-asking' || state.status === 'completed-after-asking';

/** The scenario report's registration flags: `incomplete` while incomplete, `completed_registration` once it became complete. */
export function registrationFlags(state: RegistrationState | undefined): string[] {
  if (state?.status === 'incomplete') return ['incomplete'];
  if (state?.status === 'completed-after-asking') return ['completed_registration'];
  return [];
}

/**
 * Business ms the worker held the request paused for an incomplete registration up to `nowMs` (an
 * open pause counts until then): the figure reports show apart from other waiting for the customer.
 */
export function pausedIncompleteBusinessMs(
  state: RegistrationState | undefined,
  nowMs: number,
  calendar: Pick<BusinessCalendar, 'businessMillisBetween'>,
): number {
  return (state?.pauses ?? []).reduce(
    (sum, p) => sum + Math.max(0, calendar.businessMillisBetween(p.fromMs, Math.min(p.toMs ?? nowMs, nowMs))),
    0,
  );
}
