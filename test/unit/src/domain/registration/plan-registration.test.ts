import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETENESS_RULES, DEFAULT_REPRODUCTION_CUES } from '../../../../../src/domain/registration/completeness-rules.js';
import {
  planRegistration,
  type CompletenessPolicy,
  type RegistrationInput,
} from '../../../../../src/domain/registration/plan-registration.js';
import type { RegistrationState } from '../../../../../src/domain/registration/registration-state.js';
import { calendarOf, iso, ms } from '../../../../helpers/calendar.js';

const policy: CompletenessPolicy = {
  rules: DEFAULT_COMPLETENESS_RULES,
  cues: DEFAULT_REPRODUCTION_CUES,
  pause: true,
  reminder: { unit: 'business_days', days: 1 },
  language: 'en',
  calendar: calendarOf('Europe/Amsterdam'),
};

const VAGUE = 'Mail has been very slow since this morning for everybody in our office in Utrecht, please help.';
const STEPS = 'Steps to reproduce: 1. open Outlook; 2. send a message; 3. it waits a minute in the outbox.';
// Wed 25 March 2026, 10:00 in Amsterdam.
const ASKED = '2026-03-25T09:00:00Z';

function input(over: Partial<RegistrationInput> = {}): RegistrationInput {
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
function run(steps: { now: string; over?: Partial<RegistrationInput>; reply?: string }[], options: Partial<CompletenessPolicy> = {}) {
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

describe('planRegistration', () => {
  it('leaves a complete incident alone and never checks it again', () => {
    const { plans, state } = run([
      { now: ASKED, over: { noteTexts: [`${VAGUE} ${STEPS}`] } },
      { now: '2026-03-27T09:00:00Z', over: { noteTexts: [] } },
    ]);
    expect(plans.map((p) => [p.status, p.publicNote, p.internalNotes.length, p.reminderAtMs])).toEqual([
      [null, null, 0, null],
      [null, null, 0, null],
    ]);
    expect(state.status).toBe('complete-without-asking');
  });

  it('asks for exactly what is missing, pauses with reason incomplete_request, and times the reminder a business day later', () => {
    const { plans, state, status } = run([{ now: ASKED }]);
    const plan = plans[0];
    expect(plan?.publicNote).toContain('the steps to reproduce the problem');
    expect(plan?.publicNote).not.toContain('a description of the problem');
    expect(plan?.publicNote).toContain('[xsw:incomplete:REQ-1]');
    expect(plan?.internalNotes[0]).toContain('Registration incomplete: missing reproduction_steps.');
    expect(status).toBe('waiting_for_customer');
    expect(plan?.event).toEqual({
      kind: 'status-changed',
      at: ms(ASKED),
      status: 'waiting_for_customer',
      reason: 'incomplete_request',
      by: 'worker',
    });
    expect(iso(plan?.reminderAtMs as number)).toBe('2026-03-26T09:00:00.000Z');
    expect(state).toMatchObject({
      status: 'incomplete',
      missing: ['reproduction_steps'],
      pauses: [{ reason: 'incomplete_request', fromMs: ms(ASKED), toMs: null }],
    });
  });

  it('resumes when the requester adds the steps: back to assigned, pause closed, flagged completed', () => {
    const resumed = '2026-03-25T15:00:00Z';
    const { plans, state } = run([{ now: ASKED }, { now: resumed, reply: STEPS }]);
    expect(plans[1]).toMatchObject({
      status: 'assigned',
      event: { kind: 'status-changed', at: ms(resumed), status: 'assigned' },
      publicNote: null,
      reminderAtMs: null,
    });
    expect(plans[1]?.internalNotes[0]).toContain('Registration complete');
    expect(state).toMatchObject({
      status: 'completed-after-asking',
      pauses: [{ reason: 'incomplete_request', fromMs: ms(ASKED), toMs: ms(resumed) }],
    });
  });

  it('reminds once when nothing came back, and never again', () => {
    const { plans, publicNotes } = run([
      { now: ASKED },
      { now: '2026-03-25T16:00:00Z' },
      { now: '2026-03-26T09:00:00Z' },
      { now: '2026-03-26T09:00:00Z' },
      { now: '2026-04-08T09:00:00Z' },
    ]);
    expect(plans.map((p) => (p.reminderAtMs === null ? null : iso(p.reminderAtMs)))).toEqual([
      '2026-03-26T09:00:00.000Z',
      '2026-03-26T09:00:00.000Z',
      null,
      null,
      null,
    ]);
    expect(publicNotes).toHaveLength(2);
    expect(publicNotes[1]).toMatch(/^A reminder: we are still waiting/);
    expect(publicNotes[1]).toContain('[xsw:incomplete-reminder:REQ-1]');
  });

  it('answers a reply that leaves it incomplete with what is still missing, and then sends no reminder', () => {
    const { plans, publicNotes, state } = run([
      { now: ASKED },
      { now: '2026-03-25T12:00:00Z', reply: 'It is really slow!' },
      { now: '2026-03-27T09:00:00Z' },
    ]);
    expect(publicNotes).toHaveLength(2);
    expect(publicNotes[1]).toContain('[xsw:incomplete:REQ-1:2]');
    expect(plans[2]).toMatchObject({ publicNote: null, reminderAtMs: null });
    expect(state.status).toBe('incomplete');
  });

  it('does not pause with COMPLETENESS_PAUSE=false, but still asks', () => {
    const { plans, state } = run([{ now: ASKED }], { pause: false });
    expect(plans[0]).toMatchObject({ status: null, event: null });
    expect(plans[0]?.publicNote).toContain('steps to reproduce');
    expect(state.pauses).toEqual([]);
  });

  it('writes in Dutch with SUPPORT_LOCALE=nl and recognises Dutch cues', () => {
    expect(run([{ now: ASKED }], { language: 'nl' }).publicNotes[0]).toContain('de stappen om het probleem te reproduceren');
    const dutch = 'Outlook geeft een foutmelding bij het versturen van berichten. Stappen: Outlook openen, bericht sturen, fout.';
    expect(run([{ now: ASKED, over: { noteTexts: [dutch] } }], { language: 'nl' }).state.status).toBe('complete-without-asking');
  });

  it('converges after losing its state: the markers on the request count as written', () => {
    const first = run([{ now: ASKED }]);
    const notes = [VAGUE, first.publicNotes[0] as string, ...(first.plans[0]?.internalNotes ?? [])];
    const again = planRegistration(
      input({ status: 'waiting_for_customer', noteTexts: notes }),
      undefined,
      ms('2026-03-25T10:00:00Z'),
      policy,
    );
    expect(again).toMatchObject({ status: null, event: null, publicNote: null, internalNotes: [] });
    expect(again.state.status).toBe('incomplete');
  });

  it('leaves the status alone when an agent took the request out of waiting, and closes the pause then', () => {
    const { plans, state } = run([
      { now: ASKED },
      { now: '2026-03-25T11:00:00Z', over: { status: 'in_progress' } },
      { now: '2026-03-25T12:00:00Z', over: { status: 'in_progress' }, reply: STEPS },
    ]);
    expect(plans[2]?.status).toBeNull();
    expect(state).toMatchObject({ status: 'completed-after-asking', pauses: [{ fromMs: ms(ASKED), toMs: ms('2026-03-25T11:00:00Z') }] });
  });

  describe('raised to Top while the worker holds it for the customer (issue 16.3)', () => {
    const paused = { pausePriorities: ['high', 'medium', 'low'] as const };
    const RAISED = '2026-03-25T10:00:00Z';

    it("lifts the worker's own wait once: back to assigned by the worker, pause closed, the ask still open", () => {
      const { plans, state } = run(
        [
          { now: ASKED, over: { impact: 'medium', priority: 'medium' } },
          { now: RAISED, over: { impact: 'top', priority: 'top' } },
          { now: RAISED, over: { impact: 'top', priority: 'top', status: 'waiting_for_customer' } },
        ],
        paused,
      );
      expect(plans[0]?.status).toBe('waiting_for_customer');
      expect(plans[1]).toMatchObject({
        status: 'assigned',
        event: { kind: 'status-changed', at: ms(RAISED), status: 'assigned', by: 'worker' },
        publicNote: null,
      });
      expect(plans[1]?.internalNotes).toHaveLength(1);
      expect(plans[1]?.internalNotes[0]).toContain('the priority is now top');
      expect(plans[1]?.internalNotes[0]).toContain('[xsw:registration-resumed:REQ-1]');
      // A late or duplicate webhook still showing waiting_for_customer lifts nothing a second time.
      expect(plans[2]).toMatchObject({ status: null, event: null, publicNote: null, internalNotes: [] });
      expect(state).toMatchObject({
        status: 'incomplete',
        missing: ['reproduction_steps'],
        pauses: [{ reason: 'incomplete_request', fromMs: ms(ASKED), toMs: ms(RAISED) }],
      });
    });

    it("lifts a wait asked before any priority was known (null pauses), and the requester's reply still completes it", () => {
      const { plans, state } = run(
        [
          { now: ASKED, over: { impact: null, priority: null } },
          { now: RAISED, over: { impact: 'top', priority: 'top' } },
          { now: '2026-03-25T12:00:00Z', over: { impact: 'top', priority: 'top' }, reply: STEPS },
        ],
        paused,
      );
      expect(plans.map((p) => p.status)).toEqual(['waiting_for_customer', 'assigned', null]);
      expect(plans[2]?.internalNotes[0]).toContain('Registration complete');
      expect(state).toMatchObject({ status: 'completed-after-asking', pauses: [{ fromMs: ms(ASKED), toMs: ms(RAISED) }] });
    });

    it("never lifts an agent's own waiting_for_customer on a Top incident", () => {
      const { plans } = run(
        [
          { now: ASKED, over: { priority: 'high' } },
          { now: RAISED, over: { priority: 'top', waitingByWorker: false } },
        ],
        paused,
      );
      expect(plans[1]).toMatchObject({ status: null, event: null });
    });

    it('keeps the pause when the raised priority is still a paused one, or when every priority pauses', () => {
      expect(
        run(
          [
            { now: ASKED, over: { priority: 'medium' } },
            { now: RAISED, over: { priority: 'high' } },
          ],
          paused,
        ).plans[1]?.status,
      ).toBeNull();
      expect(
        run([
          { now: ASKED, over: { priority: 'medium' } },
          { now: RAISED, over: { priority: 'top' } },
        ]).plans[1]?.status,
      ).toBeNull();
    });
  });

  it('does not check a request that is already closed', () => {
    expect(run([{ now: ASKED, over: { status: 'completed' } }]).plans[0]).toMatchObject({ status: null, publicNote: null });
  });
});
