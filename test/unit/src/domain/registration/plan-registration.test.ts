import { describe, expect, it } from 'vitest';
import { planRegistration } from '../../../../../src/domain/registration/plan-registration.js';
import { iso, ms } from '../../../../helpers/calendar.js';
import { ASKED, input, policy, run, STEPS, VAGUE } from '../../../../helpers/plan-registration-fixtures.js';

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

  it('does not check a request that is already closed', () => {
    expect(run([{ now: ASKED, over: { status: 'completed' } }]).plans[0]).toMatchObject({ status: null, publicNote: null });
  });
});
