import { describe, expect, it } from 'vitest';
import { planReconcile, type ReconcilePlan } from '../../../../../src/domain/workflow/plan-reconcile.js';
import { INITIAL_WORKFLOW_STATE } from '../../../../../src/domain/workflow/workflow-state.js';
import { iso, ms } from '../../../../helpers/calendar.js';
import { CREATED, policy, run, snapshot } from '../../../../helpers/plan-reconcile-fixtures.js';

const timerIso = (plan: ReconcilePlan) => ({
  response: plan.timers.response === null ? null : iso(plan.timers.response),
  resolution: plan.timers.resolution === null ? null : iso(plan.timers.resolution),
});

describe('planReconcile', () => {
  it('writes one start note with priority and both due instants, and times the first warnings', () => {
    const { last, notes } = run([{ now: CREATED }]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('Priority: Top');
    expect(notes[0]).toContain('Response due: Fri 27 Mar 2026, 17:00 (Europe/Amsterdam)');
    expect(notes[0]).toContain('Resolution due: Mon 30 Mar 2026, 11:00 (Europe/Amsterdam)');
    expect(last.facts).toMatchObject({
      priority: 'top',
      responseDueMs: ms('2026-03-27T16:00:00Z'),
      resolutionDueMs: ms('2026-03-30T09:00:00Z'),
    });
    expect(timerIso(last)).toEqual({ response: '2026-03-27T15:45:00.000Z', resolution: '2026-03-30T08:00:00.000Z' });
  });

  it('changes nothing when run again on the same state (duplicate or late event)', () => {
    const first = run([{ now: CREATED }]);
    const again = planReconcile(snapshot({ noteTexts: first.notes }), first.state, ms('2026-03-27T15:10:00Z'), policy);
    expect(again.internalNote).toBeNull();
    expect(again.state.events).toEqual(first.state.events);
  });

  it('does not write the start note twice after losing its state, thanks to the marker', () => {
    const first = run([{ now: CREATED }]);
    const fresh = planReconcile(snapshot({ noteTexts: first.notes }), INITIAL_WORKFLOW_STATE, ms('2026-03-27T15:05:00Z'), policy);
    expect(fresh.internalNote).toBeNull();
  });

  it('warns, breaches to the Service Support Manager, then involves the CTO, each once', () => {
    const { plans, state } = run([
      { now: CREATED },
      { now: '2026-03-27T15:45:00Z' },
      { now: '2026-03-27T16:00:00Z' },
      { now: '2026-03-27T16:00:00Z' },
      { now: '2026-03-30T08:00:00Z' },
      { now: '2026-03-30T09:00:00Z' },
      { now: '2026-03-30T13:00:00Z' },
      { now: '2026-03-30T14:00:00Z' },
    ]);
    expect(plans[1]?.internalNote).toContain('SLA warning: 75% of the response target of this top incident is used');
    expect(plans[2]?.internalNote).toContain('Escalation level 1 (Service Support Manager): the response target');
    expect(plans[2]?.watchersToAdd).toEqual(['P-SSM']);
    expect(plans[3]?.internalNote).toBeNull();
    expect(plans[4]?.internalNote).toContain('resolution target of this top incident is used');
    expect(plans[5]?.watchersToAdd).toEqual(['P-SSM']);
    expect(plans[6]?.internalNote).toContain('Escalation level 2 (CTO)');
    expect(plans[6]?.watchersToAdd).toEqual(['P-CTO']);
    expect(plans[7]?.internalNote).toBeNull();
    expect(state.escalations.map((e) => [e.key, iso(e.atMs)])).toEqual([
      ['response:warning', '2026-03-27T15:45:00.000Z'],
      ['response:service_support_manager', '2026-03-27T16:00:00.000Z'],
      ['resolution:warning', '2026-03-30T08:00:00.000Z'],
      ['resolution:service_support_manager', '2026-03-30T09:00:00.000Z'],
      ['resolution:cto', '2026-03-30T13:00:00.000Z'],
    ]);
    expect(timerIso(plans[6] as ReconcilePlan)).toEqual({ response: null, resolution: null });
  });

  it('stops the response on a status change and notes only what changed', () => {
    const { last } = run([
      { now: CREATED },
      { now: '2026-03-27T15:30:00Z', over: { status: 'in_progress', updatedAtMs: ms('2026-03-27T15:30:00Z') } },
    ]);
    expect(last.internalNote).toContain('Response target: running → met.');
    expect(last.internalNote).not.toContain('Priority');
    expect(timerIso(last).response).toBeNull();
  });

  it('pauses while waiting for the customer and moves the resolution due by the paused business time', () => {
    const waiting = { status: 'waiting_for_customer', updatedAtMs: ms('2026-03-27T15:30:00Z') };
    const back = { status: 'in_progress', updatedAtMs: ms('2026-03-30T08:30:00Z') };
    const { plans } = run([{ now: CREATED }, { now: '2026-03-27T15:30:00Z', over: waiting }, { now: '2026-03-30T08:30:00Z', over: back }]);
    expect(plans[1]?.facts.resolutionState).toBe('paused');
    expect(timerIso(plans[1] as ReconcilePlan)).toEqual({ response: null, resolution: null });
    // 30 min ran on Friday before the pause; it resumes Monday 10:30 local (08:30Z) with 3.5 h left.
    expect(iso(plans[2]?.facts.resolutionDueMs as number)).toBe('2026-03-30T12:00:00.000Z');
  });

  it('re-prioritises on an impact change and recomputes targets from the original start', () => {
    const { last } = run([
      { now: CREATED, over: { impact: 'high' } },
      { now: '2026-03-27T15:20:00Z', over: { impact: 'top', updatedAtMs: ms('2026-03-27T15:20:00Z') } },
    ]);
    expect(last.internalNote).toContain('Priority: high → top.');
    expect(last.facts.responseDueMs).toBe(ms('2026-03-27T16:00:00Z'));
  });

  it('gives requests for information a note but no clock, and leaves other categories alone', () => {
    const rfi = run([{ now: CREATED, over: { category: 'rfi' } }]).last;
    expect(rfi.internalNote).toContain('request for information (no priority, no SLA)');
    expect(rfi.timers).toEqual({ response: null, resolution: null });
    const order = run([{ now: CREATED, over: { category: 'order' } }]).last;
    expect(order.internalNote).toBeNull();
  });

  it('flags a change about Xurrent as forwarded', () => {
    const rfc = run([{ now: CREATED, over: { category: 'rfc', serviceInstanceId: 'SI-XURRENT' } }]).last;
    expect(rfc.facts.flags).toEqual(['outside_standard_support', 'forwarded_to_xurrent']);
  });

  it('assigns instead of watching in assign mode', () => {
    const assignPolicy = { ...policy, escalation: { ...policy.escalation, mode: 'assign' as const } };
    const first = planReconcile(snapshot(), INITIAL_WORKFLOW_STATE, ms(CREATED), assignPolicy);
    const breach = planReconcile(snapshot(), first.state, ms('2026-03-27T16:00:00Z'), assignPolicy);
    expect(breach.assignMemberId).toBe('P-SSM');
    expect(breach.watchersToAdd).toEqual([]);
  });

  it('mirrors the facts in the configured custom fields, only when they change', () => {
    const withFields = {
      ...policy,
      customFields: { priority: 'cf_priority', responseDue: null, resolutionDue: 'cf_resolution_due', slaState: 'cf_sla' },
    };
    const first = planReconcile(snapshot(), INITIAL_WORKFLOW_STATE, ms(CREATED), withFields);
    expect(first.customFields).toEqual([
      { id: 'cf_priority', value: 'top' },
      { id: 'cf_resolution_due', value: '2026-03-30T09:00:00.000Z' },
      { id: 'cf_sla', value: 'response running, resolution running' },
    ]);
    const quiet = planReconcile(snapshot({ noteTexts: [first.internalNote ?? ''] }), first.state, ms('2026-03-27T15:05:00Z'), withFields);
    expect(quiet.customFields).toEqual([]);
    expect(run([{ now: CREATED }]).last.customFields).toEqual([]);
  });
});
