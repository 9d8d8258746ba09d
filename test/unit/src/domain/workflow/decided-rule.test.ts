import { describe, expect, it } from 'vitest';
import { createInstantFormatter } from '../../../../../src/domain/notes/render-notes.js';
import { parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';
import { inSlaScope, ruleOf } from '../../../../../src/domain/workflow/decided-rule.js';
import { planReconcile, type WorkflowPolicy } from '../../../../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../../../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../../../src/domain/workflow/workflow-state.js';
import { calendarOf, iso, ms, valueOf } from '../../../../helpers/calendar.js';

const targets = valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h'));
const policy: WorkflowPolicy = {
  triage: { priorityRules: [], xurrentServiceInstanceIds: ['SI-XURRENT'] },
  sla: { targets, warningPercent: 75, resolutionClockStart: 'root_cause', responseBy: 'person' },
  calendar: calendarOf('Europe/Amsterdam'),
  ladder: { warningPercent: 75, l2AfterPercent: 100 },
  escalation: { serviceSupportManagerId: 'P-SSM', ctoId: 'P-CTO', mode: 'watch' },
  formatInstant: createInstantFormatter('Europe/Amsterdam', 'en'),
  customFields: { priority: null, responseDue: null, resolutionDue: null, slaState: null },
  xurrentSupplierId: null,
  slaServiceInstanceIds: ['SI-IV'],
};
// Wednesday 25 March 2026, 09:00 CET.
const CREATED = '2026-03-25T08:00:00Z';
const snapshot = (over: Partial<RequestSnapshot> = {}): RequestSnapshot => ({
  id: 'R1',
  requestId: '1',
  subject: 'Orders late',
  category: 'incident',
  impact: 'high',
  status: 'assigned',
  createdAtMs: ms(CREATED),
  updatedAtMs: ms(CREATED),
  serviceInstanceId: 'SI-IV',
  teamId: null,
  memberId: null,
  noteTexts: [],
  ...over,
});

describe('SLA scope (§3: only the IV Integratiedienst)', () => {
  it.each([
    [null, { slaServiceInstanceIds: ['SI-IV'], xurrentServiceInstanceIds: ['SI-X'] }, true],
    ['SI-IV', { slaServiceInstanceIds: ['SI-IV'], xurrentServiceInstanceIds: ['SI-X'] }, true],
    ['SI-MAIL', { slaServiceInstanceIds: ['SI-IV'], xurrentServiceInstanceIds: ['SI-X'] }, false],
    ['SI-MAIL', { slaServiceInstanceIds: null, xurrentServiceInstanceIds: ['SI-X'] }, true],
    ['SI-X', { slaServiceInstanceIds: null, xurrentServiceInstanceIds: ['SI-X'] }, false],
  ])('instance %s under %j → %s', (instance, scope, expected) => {
    expect(inSlaScope(instance, scope)).toBe(expected);
  });

  it('an incident outside the scope is classified and flagged outside_sla, with no due instants and no escalations', () => {
    const plan = planReconcile(snapshot({ serviceInstanceId: 'SI-MAIL' }), INITIAL_WORKFLOW_STATE, ms('2026-03-27T15:00:00Z'), policy);
    expect(plan.facts).toMatchObject({ priority: 'high', responseDueMs: null, resolutionDueMs: null, flags: ['outside_sla'] });
    expect(plan.escalated).toEqual([]);
  });
});

describe('records keep the rule they were decided under', () => {
  it('a request registered under one setting keeps it when the setting changes later', () => {
    const first = planReconcile(snapshot(), INITIAL_WORKFLOW_STATE, ms(CREATED), policy);
    expect(first.state.rule).toMatchObject({ slaServiceInstanceIds: ['SI-IV'], resolutionClockStart: 'root_cause', responseBy: 'person' });
    const changed: WorkflowPolicy = {
      ...policy,
      slaServiceInstanceIds: ['SI-OTHER'],
      sla: {
        ...policy.sla,
        resolutionClockStart: 'created',
        targets: { ...targets, high: { responseMs: 3_600_000, resolutionMs: 7_200_000 } },
      },
    };
    const later = planReconcile(snapshot(), first.state, ms('2026-03-25T09:00:00Z'), changed);
    // Still in scope, response due 9 business hours after 09:00 CET (Thu 09:00 CET), resolution waits for the root cause.
    expect(later.facts.flags).toEqual([]);
    expect(iso(later.facts.responseDueMs as number)).toBe('2026-03-26T08:00:00.000Z');
    expect(later.facts.resolutionDueMs).toBeNull();
    // A request registered after the change gets the new rule.
    expect(planReconcile(snapshot({ id: 'R2' }), INITIAL_WORKFLOW_STATE, ms(CREATED), changed).facts.flags).toEqual(['outside_sla']);
  });

  it('a state saved before rules were kept is read the old way: every instance in scope, resolution from registration, any responding status', () => {
    const legacy: WorkflowState = {
      ...INITIAL_WORKFLOW_STATE,
      observed: { status: 'assigned', category: 'incident', priority: 'high', updatedAtMs: ms(CREATED) },
      events: [{ kind: 'created', at: ms(CREATED), priority: 'high' }],
    };
    expect(ruleOf(legacy, policy.sla, { slaServiceInstanceIds: ['SI-IV'], xurrentServiceInstanceIds: [] })).toMatchObject({
      slaServiceInstanceIds: null,
      resolutionClockStart: 'created',
      responseBy: 'status',
    });
    const plan = planReconcile(snapshot({ serviceInstanceId: 'SI-XURRENT' }), legacy, ms('2026-03-25T09:00:00Z'), policy);
    expect(plan.facts.flags).toEqual([]);
    // 18 business hours from Wed 09:00 CET: Wed 8.5 + Thu 9 + Fri 0.5 → Fri 09:00 CET.
    expect(iso(plan.facts.resolutionDueMs as number)).toBe('2026-03-27T08:00:00.000Z');
  });
});

describe('Top is never paused for completeness (COMPLETENESS_PAUSE_PRIORITIES)', () => {
  it('asks a Top incident for the details in a note, keeps its status and clocks running', () => {
    const withFirstLine: WorkflowPolicy = {
      ...policy,
      firstLine: {
        completeness: {
          rules: { incident: { requires: ['reproduction_steps'], minDescriptionLength: 0 } },
          cues: ['steps'],
          pause: true,
          pausePriorities: ['high', 'medium', 'low'],
          reminder: { unit: 'business_days', days: 1 },
          language: 'en',
          calendar: policy.calendar,
        },
        routing: { rules: [], registrationTeamId: null },
      },
    };
    const top = planReconcile(snapshot({ impact: 'top', noteTexts: ['It is down.'] }), INITIAL_WORKFLOW_STATE, ms(CREATED), withFirstLine);
    expect(top.publicNote).toMatch(/\[xsw:incomplete:R1\]/);
    expect(top.status).toBeNull();
    expect(top.facts.responseState).toBe('running');
    const high = planReconcile(snapshot({ noteTexts: ['It is slow.'] }), INITIAL_WORKFLOW_STATE, ms(CREATED), withFirstLine);
    expect(high.status).toBe('waiting_for_customer');
    expect(high.facts.responseState).toBe('paused');
  });

  it('nudges first line once when a Top incident has no root cause two business hours after registration', () => {
    const nudging: WorkflowPolicy = { ...policy, rootCauseReminderMs: 2 * 3_600_000 };
    const first = planReconcile(snapshot({ impact: 'top' }), INITIAL_WORKFLOW_STATE, ms(CREATED), nudging);
    expect(iso(first.rootCauseReminderAtMs as number)).toBe('2026-03-25T10:00:00.000Z');
    const due = planReconcile(
      snapshot({ impact: 'top', noteTexts: [first.internalNote as string] }),
      first.state,
      ms('2026-03-25T10:00:00Z'),
      nudging,
    );
    expect(due.internalNote).toMatch(/Root cause not recorded yet[\s\S]*\[xsw:rootcause-reminder:R1\]/);
    expect(due.watchersToAdd).toContain('P-SSM');
    const again = planReconcile(
      snapshot({ impact: 'top', noteTexts: [first.internalNote as string, due.internalNote as string] }),
      due.state,
      ms('2026-03-25T11:00:00Z'),
      nudging,
    );
    expect(again.internalNote ?? '').not.toMatch(/Root cause not recorded/);
  });
});

describe("who changed the status (the webhook envelope's person, recorded when it came in)", () => {
  const respondedAt = (statusActors: RequestSnapshot['statusActors'], policyUsed: WorkflowPolicy = policy) => {
    const first = planReconcile(snapshot({ noteTexts: [] }), INITIAL_WORKFLOW_STATE, ms(CREATED), policy);
    const workerNote = {
      text: first.internalNote as string,
      createdAtMs: ms(CREATED),
      internal: true,
      personId: 'P-API',
      accountId: 'provider',
    };
    const later = snapshot({
      status: 'in_progress',
      updatedAtMs: ms('2026-03-25T09:00:00Z'),
      noteTexts: [workerNote.text],
      notes: [workerNote],
      requesterIds: ['P-CUSTOMER'],
      customerAccountIds: ['provider', 'customer'],
      statusActors,
    });
    return planReconcile(later, first.state, ms('2026-03-25T09:00:00Z'), policyUsed).facts.responseState;
  };

  it("a provider person's status change responds, the requester's or the worker's own does not", () => {
    expect(respondedAt([{ status: 'in_progress', personNodeId: 'P-AGENT', atMs: ms('2026-03-25T09:00:00Z') }])).toBe('met');
    expect(respondedAt([{ status: 'in_progress', personNodeId: 'P-CUSTOMER', atMs: ms('2026-03-25T09:00:00Z') }])).toBe('running');
    expect(respondedAt([{ status: 'in_progress', personNodeId: 'P-API', atMs: ms('2026-03-25T09:00:00Z') }])).toBe('running');
    // Nothing recorded (a lost webhook found by the sweep): not the worker's, so read as the provider's.
    expect(respondedAt([])).toBe('met');
  });

  it("judges a status changer by account when it was learned: the customer's people never respond (issue 16 point 2)", () => {
    const withProvider: WorkflowPolicy = { ...policy, providerAccountId: 'provider' };
    const by = (accountId: string | null | undefined) => [
      {
        status: 'in_progress',
        personNodeId: 'P-SPECIALIST',
        atMs: ms('2026-03-25T09:00:00Z'),
        ...(accountId === undefined ? {} : { accountId }),
      },
    ];
    // A customer's specialist reaching the provider through the trust: not a requester, yet not the provider's.
    expect(respondedAt(by('customer'), withProvider)).toBe('running');
    expect(respondedAt(by('provider'), withProvider)).toBe('met');
    // Another account, e.g. the directory account a provider's specialists live in: not the customer's, so the provider's.
    expect(respondedAt(by('provider-directory'), withProvider)).toBe('met');
    // Unknown account (lookup failed, or a record kept before accounts were looked up): as before.
    expect(respondedAt(by(null), withProvider)).toBe('met');
    expect(respondedAt(by(undefined), withProvider)).toBe('met');
    // No provider account configured: nothing to compare with, as before.
    expect(respondedAt(by('customer'))).toBe('met');
  });
});
