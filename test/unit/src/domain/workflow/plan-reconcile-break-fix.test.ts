import { describe, expect, it } from 'vitest';
import { planReconcile, type WorkflowPolicy } from '../../../../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../../../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE } from '../../../../../src/domain/workflow/workflow-state.js';
import { ms } from '../../../../helpers/calendar.js';
import { agentPolicy, CREATED, policy, run, snapshot } from '../../../../helpers/plan-reconcile-fixtures.js';

describe('planReconcile', () => {
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

    it('says the incident is forwarded now when the trigger is automatic, not that it waits for office hours', () => {
      const night = '2026-03-27T20:00:00Z';
      const over = { serviceInstanceId: 'SI-XURRENT', createdAtMs: ms(night), updatedAtMs: ms(night) };
      const automatic: WorkflowPolicy = { ...policy, xurrentEscalationTrigger: 'automatic' };
      const plan = planReconcile(snapshot(over), INITIAL_WORKFLOW_STATE, ms(night), automatic);
      expect(plan.publicNote).toContain('What happens next: we forward your incident to Xurrent as soon as it holds what Xurrent needs');
      expect(plan.publicNote).not.toContain('if it needs Xurrent');
      const dutch = planReconcile(snapshot(over), INITIAL_WORKFLOW_STATE, ms(night), { ...automatic, locale: 'nl' });
      expect(dutch.publicNote).toContain('wij sturen uw incident door naar Xurrent zodra het bevat wat Xurrent nodig heeft');
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
