import { describe, expect, it } from 'vitest';
import { createInstantFormatter } from '../../../../../src/domain/notes/render-notes.js';
import { parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';
import { planReconcile, type ReconcilePlan, type WorkflowPolicy } from '../../../../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../../../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../../../src/domain/workflow/workflow-state.js';
import { calendarOf, iso, ms, valueOf } from '../../../../helpers/calendar.js';

const policy: WorkflowPolicy = {
  triage: { priorityRules: [], xurrentServiceInstanceIds: ['SI-XURRENT'] },
  sla: {
    targets: valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h')),
    warningPercent: 75,
    resolutionClockStart: 'created',
  },
  calendar: calendarOf('Europe/Amsterdam'),
  ladder: { warningPercent: 75, l2AfterPercent: 100 },
  escalation: { serviceSupportManagerId: 'P-SSM', ctoId: 'P-CTO', mode: 'watch' },
  formatInstant: createInstantFormatter('Europe/Amsterdam', 'en'),
  customFields: { priority: null, responseDue: null, resolutionDue: null, slaState: null },
  xurrentSupplierId: 'ORG-XURRENT',
};

// Friday 27 March 2026, 16:00 in Amsterdam (15:00Z): the Top incident of the public vectors.
const CREATED = '2026-03-27T15:00:00Z';

function snapshot(over: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    id: 'REQ-1',
    requestId: '101',
    subject: 'Mail down',
    category: 'incident',
    impact: 'top',
    status: 'assigned',
    createdAtMs: ms(CREATED),
    updatedAtMs: ms(CREATED),
    serviceInstanceId: 'SI-MAIL',
    teamId: 'T-1',
    memberId: null,
    noteTexts: [],
    ...over,
  };
}

/** Runs the planner over a sequence of (now, snapshot) pairs, feeding notes and state forward as Xurrent and Redis would. */
function run(steps: { now: string; over?: Partial<RequestSnapshot> }[], start: WorkflowState = INITIAL_WORKFLOW_STATE) {
  let state = start;
  const notes: string[] = [];
  const plans: ReconcilePlan[] = [];
  for (const step of steps) {
    const plan = planReconcile(snapshot({ ...step.over, noteTexts: [...notes] }), state, ms(step.now), policy);
    if (plan.internalNote) notes.push(plan.internalNote);
    state = plan.state;
    plans.push(plan);
  }
  return { state, notes, plans, last: plans[plans.length - 1] as ReconcilePlan };
}

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

  describe('break-fix escalation to Xurrent (supplier mode)', () => {
    it('escalates an incident on the Xurrent service once: supplier, waiting_for, internal note', () => {
      const first = run([{ now: CREATED, over: { serviceInstanceId: 'SI-XURRENT', impact: 'high' } }]);
      expect(first.last).toMatchObject({ supplierId: 'ORG-XURRENT', status: 'waiting_for', publicNote: null });
      expect(first.last.internalNote).toContain('Escalated to Xurrent (break-fix): this incident concerns the Xurrent service itself.');
      expect(first.state.escalations).toEqual([{ key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: ms(CREATED) }]);
      const again = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', impact: 'high', status: 'waiting_for', noteTexts: first.notes }),
        first.state,
        ms('2026-03-27T15:10:00Z'),
        policy,
      );
      expect(again).toMatchObject({ supplierId: null, status: null });
      expect(again.internalNote ?? '').not.toContain('Escalated to Xurrent');
    });

    it('tells the requester of a Top incident registered outside office hours that Xurrent may be contacted directly, and what happens next, once (§2.1)', () => {
      const night = '2026-03-27T20:00:00Z';
      const agentPolicy: WorkflowPolicy = { ...policy, xurrentEscalationTrigger: 'agent', xurrentSupportContact: 'support@xurrent.com' };
      const plan = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', createdAtMs: ms(night), updatedAtMs: ms(night) }),
        INITIAL_WORKFLOW_STATE,
        ms(night),
        agentPolicy,
      );
      expect(plan.publicNote).toContain('you may contact Xurrent directly: support@xurrent.com');
      expect(plan.publicNote).toContain(
        'What happens next: our support team picks up your incident when office hours start (Mon 30 Mar 2026',
      );
      expect(plan.publicNote).not.toContain('escalated');
      expect(plan.facts.flags).toContain('xurrent_contact_advised');
      const again = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', createdAtMs: ms(night), updatedAtMs: ms(night), noteTexts: [plan.publicNote ?? ''] }),
        plan.state,
        ms('2026-03-27T21:00:00Z'),
        agentPolicy,
      );
      expect(again.publicNote).toBeNull();
      expect(again.facts.flags).toContain('xurrent_contact_advised');
      const dutch = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', createdAtMs: ms(night), updatedAtMs: ms(night) }),
        INITIAL_WORKFLOW_STATE,
        ms(night),
        { ...agentPolicy, locale: 'nl' },
      );
      expect(dutch.publicNote).toContain('kunt u rechtstreeks contact opnemen met Xurrent: support@xurrent.com');
      const day = planReconcile(snapshot({ serviceInstanceId: 'SI-XURRENT' }), INITIAL_WORKFLOW_STATE, ms(CREATED), agentPolicy);
      expect(day.publicNote).toBeNull();
      const high = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', impact: 'high', createdAtMs: ms(night), updatedAtMs: ms(night) }),
        INITIAL_WORKFLOW_STATE,
        ms(night),
        agentPolicy,
      );
      expect(high.publicNote).toBeNull();
    });

    it('forwards a request for change about Xurrent, and leaves closed requests and other services alone', () => {
      const rfc = planReconcile(
        snapshot({ category: 'rfc', serviceInstanceId: 'SI-XURRENT' }),
        INITIAL_WORKFLOW_STATE,
        ms(CREATED),
        policy,
      );
      expect(rfc.internalNote).toContain("this request for change concerns Xurrent's standard functionality");
      expect(rfc.status).toBe('waiting_for');
      expect(
        planReconcile(snapshot({ serviceInstanceId: 'SI-XURRENT', status: 'completed' }), INITIAL_WORKFLOW_STATE, ms(CREATED), policy)
          .status,
      ).toBeNull();
      expect(planReconcile(snapshot(), INITIAL_WORKFLOW_STATE, ms(CREATED), policy).status).toBeNull();
      expect(
        planReconcile(snapshot({ category: 'rfi', serviceInstanceId: 'SI-XURRENT' }), INITIAL_WORKFLOW_STATE, ms(CREATED), policy).status,
      ).toBeNull();
    });
  });

  describe('level 1 first (§4): XURRENT_ESCALATION_TRIGGER=agent', () => {
    const agentPolicy: WorkflowPolicy = {
      ...policy,
      xurrentEscalationTrigger: 'agent',
      xurrentEscalationTags: ['#xurrent'],
      providerAccountId: 'ACC-PROVIDER',
    };
    const note = (text: string, at: string, accountId: string, personId = 'P-AGENT') => ({
      text,
      createdAtMs: ms(at),
      internal: true,
      personId,
      accountId,
    });
    const onXurrent = (over: Partial<RequestSnapshot> = {}) =>
      snapshot({ serviceInstanceId: 'SI-XURRENT', impact: 'medium', requesterIds: ['P-CUSTOMER'], ...over });

    it('keeps an incident at level 1 (no supplier, no status, no escalation) and tells the agent how to forward, once', () => {
      const first = planReconcile(onXurrent(), INITIAL_WORKFLOW_STATE, ms(CREATED), agentPolicy);
      expect(first).toMatchObject({ supplierId: null, status: null });
      expect(first.state.escalations).toEqual([]);
      expect(first.internalNote).toContain('Level 1 (contract §4)');
      expect(first.internalNote).toContain('add a note containing #xurrent');
      const again = planReconcile(
        onXurrent({ noteTexts: [first.internalNote ?? ''] }),
        first.state,
        ms('2026-03-27T15:30:00Z'),
        agentPolicy,
      );
      expect(again.internalNote ?? '').not.toContain('Level 1');
    });

    it("forwards on a provider person's #xurrent note, dated at that note, and not on the customer's or another tag", () => {
      const first = planReconcile(onXurrent(), INITIAL_WORKFLOW_STATE, ms(CREATED), agentPolicy);
      const customer = planReconcile(
        onXurrent({ notes: [note('please #xurrent now', '2026-03-27T15:10:00Z', 'ACC-CUSTOMER', 'P-CUSTOMER')] }),
        first.state,
        ms('2026-03-27T15:20:00Z'),
        agentPolicy,
      );
      expect(customer.state.escalations).toEqual([]);
      const other = planReconcile(
        onXurrent({ notes: [note('see #xurrents', '2026-03-27T15:10:00Z', 'ACC-PROVIDER')] }),
        first.state,
        ms('2026-03-27T15:20:00Z'),
        agentPolicy,
      );
      expect(other.state.escalations).toEqual([]);
      const agent = planReconcile(
        onXurrent({ notes: [note('Export button is missing in the product: #Xurrent', '2026-03-27T15:10:00Z', 'ACC-PROVIDER')] }),
        first.state,
        ms('2026-03-27T15:20:00Z'),
        agentPolicy,
      );
      expect(agent).toMatchObject({ supplierId: 'ORG-XURRENT', status: 'waiting_for' });
      expect(agent.internalNote).toContain("on the agent's decision");
      expect(agent.state.escalations).toEqual([
        { key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: ms('2026-03-27T15:10:00Z') },
      ]);
    });

    it('dates a rebuilt forward at the agent note, as the live path did (rebuild and sweep agree)', () => {
      const rebuilt = {
        ...INITIAL_WORKFLOW_STATE,
        escalations: [{ key: 'xurrent:break_fix', level: 'xurrent' as const, target: null, atMs: ms('2026-03-27T15:12:00Z') }],
      };
      const plan = planReconcile(
        onXurrent({ notes: [note('#xurrent', '2026-03-27T15:10:00Z', 'ACC-PROVIDER')] }),
        rebuilt,
        ms('2026-03-27T16:00:00Z'),
        agentPolicy,
      );
      expect(plan.state.escalations).toEqual([
        { key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: ms('2026-03-27T15:10:00Z') },
      ]);
      expect(plan.status).toBeNull();
    });

    it('flags an RFC outside standard support while it waits, and forwarded_to_xurrent once forwarded', () => {
      const rfc = planReconcile(onXurrent({ category: 'rfc', impact: null }), INITIAL_WORKFLOW_STATE, ms(CREATED), agentPolicy);
      expect(rfc.facts.flags).toEqual(['outside_standard_support']);
      expect(rfc.status).toBeNull();
      const forwarded = planReconcile(
        onXurrent({
          category: 'rfc',
          impact: null,
          notes: [note('#xurrent standard functionality', '2026-03-27T15:10:00Z', 'ACC-PROVIDER')],
        }),
        rfc.state,
        ms('2026-03-27T15:10:00Z'),
        agentPolicy,
      );
      expect(forwarded.facts.flags).toEqual(['outside_standard_support', 'forwarded_to_xurrent']);
      expect(forwarded.status).toBe('waiting_for');
    });

    it('leaves other service instances alone', () => {
      const plan = planReconcile(
        snapshot({ notes: [note('#xurrent', '2026-03-27T15:10:00Z', 'ACC-PROVIDER')] }),
        INITIAL_WORKFLOW_STATE,
        ms(CREATED),
        agentPolicy,
      );
      expect(plan.state.escalations.filter((e) => e.level === 'xurrent')).toEqual([]);
      expect(plan.internalNote ?? '').not.toContain('Level 1');
    });
  });

  describe('break-fix escalation to Xurrent (request mode)', () => {
    const requestMode: WorkflowPolicy = { ...policy, xurrentEscalationMode: 'request' };
    it('escalates once as in supplier mode, announcing the linked request instead of asking for the reference', () => {
      const plan = planReconcile(
        snapshot({ serviceInstanceId: 'SI-XURRENT', impact: 'high' }),
        INITIAL_WORKFLOW_STATE,
        ms(CREATED),
        requestMode,
      );
      expect(plan).toMatchObject({ status: 'waiting_for', supplierId: 'ORG-XURRENT' });
      expect(plan.internalNote).toContain("registers a linked request at Xurrent's support");
      expect(plan.internalNote).not.toContain("Record Xurrent's reference");
      expect(plan.state.escalations).toEqual([{ key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: ms(CREATED) }]);
    });

    it('forwards a request for change the same way, without an SLA clock', () => {
      const rfc = planReconcile(
        snapshot({ category: 'rfc', serviceInstanceId: 'SI-XURRENT' }),
        INITIAL_WORKFLOW_STATE,
        ms(CREATED),
        requestMode,
      );
      expect(rfc.internalNote).toContain("registers a linked request at Xurrent's support");
      expect(rfc.facts).toMatchObject({ priority: null, responseDueMs: null, resolutionDueMs: null });
      expect(rfc.timers).toEqual({ response: null, resolution: null });
    });
  });
});
