import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { hasMarker, noteMarker, NOTE_MARKER_PREFIX } from '../notes/render-notes.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { Priority } from '../sla/sla-policy.js';
import { findMissing, type Missing } from './check-completeness.js';
import type { CompletenessRules } from './completeness-rules.js';
import type { SupportLanguage } from './missing-message.js';
import { INITIAL_REGISTRATION_STATE, isRegistered, type RegistrationState } from './registration-state.js';
import {
  renderAskNote,
  renderCompletedInternalNote,
  renderIncompleteInternalNote,
  renderResumedInternalNote,
} from './registration-notes.js';
import { reminderDueAtMs, type ReminderDelay } from './reminder-delay.js';

export interface CompletenessPolicy {
  rules: CompletenessRules;
  cues: readonly string[];
  /** Put an incomplete request in waiting_for_customer (the SLA clock pauses). */
  pause: boolean;
  /**
   * Priorities whose incidents are paused when incomplete (`COMPLETENESS_PAUSE_PRIORITIES`; absent:
   * all). A Top incident is never paused by default: it is asked, its clocks run and its escalations
   * proceed. Requests without a priority (no impact yet, RFI, RFC) pause as `pause` says.
   */
  pausePriorities?: readonly Priority[];
  reminder: ReminderDelay;
  language: SupportLanguage;
  calendar: BusinessCalendar;
}

/** The parts of a request the completeness check reads (a RequestSnapshot fits). */
export interface RegistrationInput {
  id: string;
  category: string | null;
  subject: string | null;
  impact: string | null;
  serviceInstanceId: string | null;
  status: string;
  noteTexts: readonly string[];
  /** The request's priority now (incidents with an impact), else null/absent. */
  priority?: Priority | null;
  /**
   * Whether the request's current waiting_for_customer is the worker's own (its last status change
   * was the worker's). False when an agent set it: an agent's own wait is never lifted. Absent: read
   * as the worker's while the worker's pause is open (as completion reads it).
   */
  waitingByWorker?: boolean | undefined;
}

export interface RegistrationPlan {
  state: RegistrationState;
  /** The status the worker sets now (waiting_for_customer or back to assigned), or null. */
  status: string | null;
  /** The SLA history event of that status change, dated now, or null. */
  event: RequestEvent | null;
  publicNote: string | null;
  internalNotes: string[];
  /** When the reminder timer should wake the request, or null. */
  reminderAtMs: number | null;
}

const CLOSED = new Set(['completed', 'declined', 'rejected']);
/** Statuses the worker does not take a request out of to wait for the customer. */
const NO_PAUSE_FROM = new Set([...CLOSED, 'waiting_for', 'waiting_for_customer']);

/**
 * First-line registration: checks an arriving request against its category's completeness rule.
 * Incomplete: one note asks the requester for exactly what is missing, an internal note tells first
 * line, and (with `pause`) the request waits for the customer with the pause recorded as
 * `incomplete_request`. Each reply that leaves it incomplete is answered with what is still missing;
 * once complete it goes back to `assigned` and the clock runs again. One reminder when nothing came
 * back within `reminder`. A request complete once is never checked again. Idempotent: every note has
 * a marker, and markers found on the request count as written when the state was lost.
 */
export function planRegistration(
  input: RegistrationInput,
  previous: RegistrationState | undefined,
  nowMs: number,
  policy: CompletenessPolicy,
): RegistrationPlan {
  const prev = recoverFromMarkers(input, previous ?? INITIAL_REGISTRATION_STATE, nowMs);
  const none: RegistrationPlan = { state: prev, status: null, event: null, publicNote: null, internalNotes: [], reminderAtMs: null };
  if (isRegistered(prev)) return none;

  const replies = notesOfOthers(input);
  const description = replies.join('\n');
  const missing = findMissing({ ...input, description }, policy.rules, policy.cues);
  if (prev.status === 'unchecked') {
    if (missing.length === 0 || CLOSED.has(input.status)) return { ...none, state: { ...prev, status: 'complete-without-asking' } };
    return ask(input, prev, missing, replies.length, nowMs, policy);
  }
  if (missing.length === 0) return complete(input, prev, nowMs);
  return followUp(input, prev, missing, replies.length, nowMs, policy);
}

/** Whether the request's priority now is one paused for completeness (null: not known yet, paused). */
function pausedPriority(input: RegistrationInput, policy: CompletenessPolicy): boolean {
  const priority = input.priority ?? null;
  return priority === null || !policy.pausePriorities || policy.pausePriorities.includes(priority);
}

function ask(
  input: RegistrationInput,
  prev: RegistrationState,
  missing: Missing[],
  replies: number,
  nowMs: number,
  policy: CompletenessPolicy,
): RegistrationPlan {
  const pause = policy.pause && pausedPriority(input, policy) && !NO_PAUSE_FROM.has(input.status);
  const state: RegistrationState = {
    ...prev,
    status: 'incomplete',
    missing: missing.map((m) => m.requirement),
    askedAtMs: nowMs,
    notesAtAsk: replies,
    pauses: pause ? [...prev.pauses, { reason: 'incomplete_request', fromMs: nowMs, toMs: null }] : prev.pauses,
  };
  return {
    state,
    status: pause ? 'waiting_for_customer' : null,
    event: pause ? { kind: 'status-changed', at: nowMs, status: 'waiting_for_customer', reason: 'incomplete_request', by: 'worker' } : null,
    publicNote: renderAskNote(missing, policy.language, noteMarker('incomplete', input.id)),
    internalNotes: [renderIncompleteInternalNote(missing, pause, noteMarker('incomplete-internal', input.id))],
    reminderAtMs: reminderDueAtMs(nowMs, policy.reminder, policy.calendar),
  };
}

function complete(input: RegistrationInput, prev: RegistrationState, nowMs: number): RegistrationPlan {
  const open = prev.pauses.find((p) => p.toMs === null);
  const resume = open !== undefined && input.status === 'waiting_for_customer';
  const marker = noteMarker('registration-complete', input.id);
  return {
    state: { ...prev, status: 'completed-after-asking', missing: [], pauses: closePauses(prev, nowMs) },
    status: resume ? 'assigned' : null,
    event: resume ? { kind: 'status-changed', at: nowMs, status: 'assigned', by: 'worker' } : null,
    publicNote: null,
    internalNotes: hasMarker(input.noteTexts, marker) ? [] : [renderCompletedInternalNote(resume, marker)],
    reminderAtMs: null,
  };
}

function followUp(
  input: RegistrationInput,
  prev: RegistrationState,
  missing: Missing[],
  replies: number,
  nowMs: number,
  policy: CompletenessPolicy,
): RegistrationPlan {
  const plan = followUpNotes(input, prev, missing, replies, nowMs, policy);
  if (!liftsPause(input, plan.state, policy)) return plan;
  const marker = noteMarker('registration-resumed', input.id);
  // The priority was raised out of the paused ones (say to Top) while the worker held the request
  // for the customer: its clocks run again now, as completion resumes them. The ask stays open (still
  // incomplete; the requester's reply still completes it). Once: the closed pause is not lifted again.
  return {
    ...plan,
    state: { ...plan.state, pauses: closePauses(plan.state, nowMs) },
    status: 'assigned',
    event: { kind: 'status-changed', at: nowMs, status: 'assigned', by: 'worker' },
    internalNotes: hasMarker(input.noteTexts, marker)
      ? plan.internalNotes
      : [...plan.internalNotes, renderResumedInternalNote(input.priority as Priority, marker)],
  };
}

/** The worker's own incomplete_request wait is open, and the request's priority now is not paused. */
function liftsPause(input: RegistrationInput, state: RegistrationState, policy: CompletenessPolicy): boolean {
  if (pausedPriority(input, policy)) return false;
  if (input.status !== 'waiting_for_customer' || input.waitingByWorker === false) return false;
  return state.pauses.some((p) => p.reason === 'incomplete_request' && p.toMs === null);
}

function followUpNotes(
  input: RegistrationInput,
  prev: RegistrationState,
  missing: Missing[],
  replies: number,
  nowMs: number,
  policy: CompletenessPolicy,
): RegistrationPlan {
  // Someone else took the request out of waiting_for_customer: the worker's pause ended then.
  const pauses = input.status === 'waiting_for_customer' ? prev.pauses : closePauses(prev, nowMs);
  const state: RegistrationState = { ...prev, missing: missing.map((m) => m.requirement), pauses };
  if (replies > prev.notesAtAsk) {
    // Something came back but left it incomplete: answer each reply once (its marker names the
    // reply count) with what is still missing; no reminder is needed any more.
    const marker = noteMarker('incomplete', `${input.id}:${replies}`);
    const publicNote = hasMarker(input.noteTexts, marker) ? null : renderAskNote(missing, policy.language, marker);
    return { state, status: null, event: null, publicNote, internalNotes: [], reminderAtMs: null };
  }
  const waiting = prev.remindedAtMs === null && prev.askedAtMs !== null && !CLOSED.has(input.status);
  const dueMs = waiting ? reminderDueAtMs(prev.askedAtMs as number, policy.reminder, policy.calendar) : null;
  if (dueMs === null || nowMs < dueMs)
    return { state, status: null, event: null, publicNote: null, internalNotes: [], reminderAtMs: dueMs };
  const marker = noteMarker('incomplete-reminder', input.id);
  const publicNote = hasMarker(input.noteTexts, marker) ? null : renderAskNote(missing, policy.language, marker, true);
  return { state: { ...state, remindedAtMs: nowMs }, status: null, event: null, publicNote, internalNotes: [], reminderAtMs: null };
}

/** The request's notes not written by the worker (its notes carry markers): the description and the replies. */
function notesOfOthers(input: RegistrationInput): string[] {
  return input.noteTexts.filter((text) => !text.includes(`[${NOTE_MARKER_PREFIX}`));
}

function closePauses(prev: RegistrationState, nowMs: number): RegistrationState['pauses'] {
  return prev.pauses.map((p) => (p.toMs === null ? { ...p, toMs: nowMs } : p));
}

/** When the worker's state was lost, the markers on the request tell what it already did. */
function recoverFromMarkers(input: RegistrationInput, state: RegistrationState, nowMs: number): RegistrationState {
  if (state.status !== 'unchecked') return state;
  const marked = (kind: string) => hasMarker(input.noteTexts, noteMarker(kind, input.id));
  if (marked('registration-complete')) return { ...state, status: 'completed-after-asking' };
  if (!marked('incomplete')) return state;
  const replies = notesOfOthers(input).length;
  const paused = input.status === 'waiting_for_customer';
  return {
    ...state,
    status: 'incomplete',
    askedAtMs: nowMs,
    notesAtAsk: replies,
    remindedAtMs: marked('incomplete-reminder') ? nowMs : null,
    pauses: paused ? [{ reason: 'incomplete_request', fromMs: nowMs, toMs: null }] : [],
  };
}
