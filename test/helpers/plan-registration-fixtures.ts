import { DEFAULT_COMPLETENESS_RULES, DEFAULT_REPRODUCTION_CUES } from '../../src/domain/registration/completeness-rules.js';
import { planRegistration, type CompletenessPolicy, type RegistrationInput } from '../../src/domain/registration/plan-registration.js';
import type { RegistrationState } from '../../src/domain/registration/registration-state.js';
import { calendarOf, ms } from './calendar.js';

export const policy: CompletenessPolicy = {
  rules: DEFAULT_COMPLETENESS_RULES,
  cues: DEFAULT_REPRODUCTION_CUES,
  pause: true,
  reminder: { unit: 'business_days', days: 1 },
  language: 'en',
  calendar: calendarOf('Europe/Amsterdam'),
};

export const VAGUE = 'Mail has been very slow since this morning for everybody in our office in Utrecht, please help.';
export const STEPS = 'Steps to reproduce: 1. open Outlook; 2. send a message; 3. it waits a minute in the outbox.';
// Wed 25 March 2026, 10:00 in Amsterdam.
export const ASKED = '2026-03-25T09:00:00Z';

export function input(over: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    id: 'REQ-1',
    category: 'incident',
    subject: 'Mail slow',
    impact: 'high',
    serviceInstanceId: 'SI-MAIL',
    status: 'assigned',
    noteTexts: [VAGUE],
    ...over,
  };
}

/** Runs the planner over (now, request) steps, adding the notes it writes to the request as Xurrent would. */
export function run(
  steps: { now: string; over?: Partial<RegistrationInput>; reply?: string }[],
  options: Partial<CompletenessPolicy> = {},
) {
  let state: RegistrationState | undefined;
  let status = 'assigned';
  const notes: string[] = [VAGUE];
  const publicNotes: string[] = [];
  const plans = [];
  for (const step of steps) {
    if (step.reply) notes.push(step.reply);
    const plan = planRegistration(input({ status, noteTexts: [...notes], ...step.over }), state, ms(step.now), { ...policy, ...options });
    if (plan.publicNote) {
      notes.push(plan.publicNote);
      publicNotes.push(plan.publicNote);
    }
    notes.push(...plan.internalNotes);
    status = plan.status ?? step.over?.status ?? status;
    state = plan.state;
    plans.push(plan);
  }
  return { plans, publicNotes, state: state as RegistrationState, status };
}
