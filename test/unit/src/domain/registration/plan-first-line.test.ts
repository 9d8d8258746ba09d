import { describe, expect, it } from 'vitest';
import { createInstantFormatter } from '../../../../../src/domain/notes/render-notes.js';
import { DEFAULT_COMPLETENESS_RULES, DEFAULT_REPRODUCTION_CUES } from '../../../../../src/domain/registration/completeness-rules.js';
import { INITIAL_REGISTRATION_STATE, pausedIncompleteBusinessMs } from '../../../../../src/domain/registration/registration-state.js';
import { parseRoutingRules } from '../../../../../src/domain/registration/routing-rules.js';
import { parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';
import { planReconcile, type ReconcilePlan, type WorkflowPolicy } from '../../../../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../../../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../../../src/domain/workflow/workflow-state.js';
import { calendarOf, iso, ms, valueOf } from '../../../../helpers/calendar.js';

const calendar = calendarOf('Europe/Amsterdam');
const policy: WorkflowPolicy = {
  triage: { priorityRules: [], xurrentServiceInstanceIds: ['SI-XURRENT'] },
  sla: {
    targets: valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h')),
    warningPercent: 75,
    resolutionClockStart: 'created',
  },
  calendar,
  ladder: { warningPercent: 75, l2AfterPercent: 100 },
  escalation: { serviceSupportManagerId: null, ctoId: null, mode: 'watch' },
  formatInstant: createInstantFormatter('Europe/Amsterdam', 'en'),
  customFields: { priority: null, responseDue: null, resolutionDue: null, slaState: null },
  xurrentSupplierId: 'ORG-XURRENT',
  firstLine: {
    completeness: {
      rules: DEFAULT_COMPLETENESS_RULES,
      cues: DEFAULT_REPRODUCTION_CUES,
      pause: true,
      reminder: { unit: 'business_days', days: 1 },
      language: 'en',
      calendar,
    },
    routing: {
      rules: valueOf(parseRoutingRules('service_instance:SI-MAIL,impact:high => first:T-MAIL-1,second:T-MAIL-2; * => first:T-GENERAL')),
      registrationTeamId: 'T-DESK',
    },
  },
};

const VAGUE = 'Mail has been very slow since this morning for everybody in our office in Utrecht, please help.';
const STEPS = 'Steps to reproduce: 1. open Outlook; 2. send a message; 3. it waits a minute in the outbox.';
// Wed 25 March 2026, 10:00 in Amsterdam (CET).
const CREATED = '2026-03-25T09:00:00Z';

function snapshot(over: Partial<RequestSnapshot>): RequestSnapshot {
  return {
    id: 'REQ-1',
    requestId: '101',
    subject: 'Mail slow',
    category: 'incident',
    impact: 'high',
    status: 'assigned',
    createdAtMs: ms(CREATED),
    updatedAtMs: ms(CREATED),
    serviceInstanceId: 'SI-MAIL',
    teamId: 'T-DESK',
    memberId: null,
    noteTexts: [],
    ...over,
  };
}

/** Feeds each plan's writes (notes, status, team) back into the next snapshot, as Xurrent would. */
function run(steps: { now: string; reply?: string; over?: Partial<RequestSnapshot> }[], first: string) {
  let state: WorkflowState = INITIAL_WORKFLOW_STATE;
  const request = { status: 'assigned', teamId: 'T-DESK' as string | null, notes: [first] };
  const plans: ReconcilePlan[] = [];
  for (const step of steps) {
    if (step.reply) request.notes.push(step.reply);
    Object.assign(request, { ...(step.over?.teamId !== undefined ? { teamId: step.over.teamId } : {}) });
    const plan = planReconcile(
      snapshot({ ...step.over, status: request.status, teamId: request.teamId, noteTexts: [...request.notes], updatedAtMs: ms(step.now) }),
      state,
      ms(step.now),
      policy,
    );
    request.notes.push(...[plan.internalNote, plan.publicNote].filter((n): n is string => n !== null));
    request.status = plan.status ?? request.status;
    request.teamId = plan.teamId ?? request.teamId;
    state = plan.state;
    plans.push(plan);
  }
  return { plans, state, request };
}

describe('first line in the reconcile', () => {
  it('moves the resolution due by exactly the business time paused for the incomplete registration', () => {
    // Complete on arrival: 18 business hours from Wed 10:00 = Wed 7.5 h + Thu 9 h + Fri 1.5 h → Fri 10:00 CET.
    const complete = run([{ now: CREATED }], `${VAGUE} ${STEPS}`);
    expect(iso(complete.state.facts?.resolutionDueMs as number)).toBe('2026-03-27T09:00:00.000Z');
    // Incomplete: paused Wed 10:00–16:00 (6 business hours), so due Fri 16:00 CET.
    const resumedAt = '2026-03-25T15:00:00Z';
    const paused = run([{ now: CREATED }, { now: resumedAt, reply: STEPS }], VAGUE);
    const due = paused.state.facts?.resolutionDueMs as number;
    expect(iso(due)).toBe('2026-03-27T15:00:00.000Z');
    expect(calendar.businessMillisBetween(complete.state.facts?.resolutionDueMs as number, due)).toBe(
      calendar.businessMillisBetween(ms(CREATED), ms(resumedAt)),
    );
    expect(paused.state.events.filter((e) => e.kind === 'status-changed')).toEqual([
      { kind: 'status-changed', at: ms(CREATED), status: 'waiting_for_customer', reason: 'incomplete_request', by: 'worker' },
      { kind: 'status-changed', at: ms(resumedAt), status: 'assigned', by: 'worker' },
    ]);
    expect(paused.request.status).toBe('assigned');
  });

  it('routes on arrival to first line, and on completion to second line', () => {
    const { plans, state } = run([{ now: CREATED }, { now: '2026-03-25T15:00:00Z', reply: STEPS }], VAGUE);
    expect(plans.map((p) => p.teamId)).toEqual(['T-MAIL-1', 'T-MAIL-2']);
    expect(state.registration?.routedTeamId).toBe('T-MAIL-2');
  });

  it('never overrides a manual assignment made after its own', () => {
    const { plans, state } = run(
      [{ now: CREATED }, { now: '2026-03-25T10:00:00Z', over: { teamId: 'T-HAND' } }, { now: '2026-03-25T15:00:00Z', reply: STEPS }],
      VAGUE,
    );
    expect(plans.map((p) => p.teamId)).toEqual(['T-MAIL-1', null, null]);
    expect(state.registration?.routedTeamId).toBe('T-MAIL-1');
  });

  it('holds back break-fix while incomplete and counts the public notes it writes', () => {
    const { plans, state } = run([{ now: CREATED, over: { serviceInstanceId: 'SI-XURRENT' } }], VAGUE);
    expect(plans[0]).toMatchObject({ status: 'waiting_for_customer', supplierId: null, teamId: 'T-GENERAL' });
    expect(state.escalations).toEqual([]);
    // The start note, first line's internal note (both joined in one write) and the note to the requester.
    expect(state.notesWritten).toBe(3);
  });

  it('escalates to Xurrent as soon as the registration is complete: the resume is recorded, then waiting_for', () => {
    const { plans, state } = run(
      [
        { now: CREATED, over: { serviceInstanceId: 'SI-XURRENT' } },
        { now: '2026-03-25T15:00:00Z', reply: STEPS, over: { serviceInstanceId: 'SI-XURRENT' } },
      ],
      VAGUE,
    );
    expect(plans[1]).toMatchObject({ status: 'waiting_for', supplierId: 'ORG-XURRENT' });
    expect(state.escalations.map((e) => e.level)).toEqual(['xurrent']);
    // All three are the worker's own writes: none of them is the provider's response.
    const changes = state.events.flatMap((e) => (e.kind === 'status-changed' ? [e] : []));
    expect(changes.map((e) => e.status)).toEqual(['waiting_for_customer', 'assigned', 'waiting_for']);
    expect(changes.every((e) => e.by === 'worker')).toBe(true);
  });
});

describe('requests the worker knew before first line existed', () => {
  it('are routed but never asked for anything or paused', () => {
    const known: WorkflowState = {
      ...INITIAL_WORKFLOW_STATE,
      observed: { status: 'in_progress', category: 'incident', priority: 'high', updatedAtMs: ms(CREATED) },
    };
    const plan = planReconcile(snapshot({ status: 'in_progress', noteTexts: [VAGUE] }), known, ms('2026-03-26T09:00:00Z'), policy);
    expect(plan).toMatchObject({ publicNote: null, status: null, teamId: 'T-MAIL-2' });
    expect(plan.state.registration?.status).toBe('complete-without-asking');
  });

  it("but a state rebuilt after a wipe, on a request that carries the worker's ask, is recovered from the markers and resumes on the reply", () => {
    // Rebuilt from Xurrent (no registration): observed is set, the ask note and the pause are on the request.
    const rebuilt: WorkflowState = {
      ...INITIAL_WORKFLOW_STATE,
      observed: { status: 'waiting_for_customer', category: 'incident', priority: 'high', updatedAtMs: ms(CREATED) },
    };
    const ask = 'Please tell us how to reproduce the problem.\n[xsw:incomplete:REQ-1]';
    const plan = planReconcile(
      snapshot({ status: 'waiting_for_customer', noteTexts: [VAGUE, ask, STEPS] }),
      rebuilt,
      ms('2026-03-25T15:00:00Z'),
      policy,
    );
    expect(plan).toMatchObject({ status: 'assigned', publicNote: null });
    expect(plan.state.registration?.status).toBe('completed-after-asking');
  });
});

describe('pausedIncompleteBusinessMs', () => {
  it('sums the business time of the pauses, an open one up to now', () => {
    const state = {
      ...INITIAL_REGISTRATION_STATE,
      pauses: [
        // Wed 10:00–16:00 CET: 6 business hours.
        { reason: 'incomplete_request' as const, fromMs: ms('2026-03-25T09:00:00Z'), toMs: ms('2026-03-25T15:00:00Z') },
        // Fri 17:00 CET, open: to Mon 09:30 CEST counts Fri 0.5 h + Mon 1 h.
        { reason: 'incomplete_request' as const, fromMs: ms('2026-03-27T16:00:00Z'), toMs: null },
      ],
    };
    expect(pausedIncompleteBusinessMs(state, ms('2026-03-30T07:30:00Z'), calendar)).toBe(7.5 * 3_600_000);
    expect(pausedIncompleteBusinessMs(undefined, ms('2026-03-30T07:30:00Z'), calendar)).toBe(0);
  });
});

describe('raised to Top while paused for completeness (issue 16.3)', () => {
  const topRuns: WorkflowPolicy = {
    ...policy,
    firstLine: { ...policy.firstLine!, completeness: { ...policy.firstLine!.completeness, pausePriorities: ['high', 'medium', 'low'] } },
  };
  /** Each step: what an agent changes (impact, status) and when; the worker's status writes are fed back. */
  function raise(steps: { now: string; impact: string; status?: string }[]) {
    let state: WorkflowState = INITIAL_WORKFLOW_STATE;
    let status = 'assigned';
    const notes = [VAGUE];
    const plans: ReconcilePlan[] = [];
    for (const step of steps) {
      status = step.status ?? status;
      const plan = planReconcile(
        snapshot({ impact: step.impact, status, noteTexts: [...notes], updatedAtMs: ms(step.now) }),
        state,
        ms(step.now),
        topRuns,
      );
      notes.push(...[plan.internalNote, plan.publicNote].filter((n): n is string => n !== null));
      status = plan.status ?? status;
      state = plan.state;
      plans.push(plan);
    }
    return { plans, state, status };
  }

  it('resumes a Medium incident asked and paused at 10:00 once an agent sets Top at 11:00: Top targets from registration plus the hour paused', () => {
    const { plans, state, status } = raise([
      { now: CREATED, impact: 'medium' },
      { now: '2026-03-25T10:00:00Z', impact: 'top' },
      { now: '2026-03-25T10:00:00Z', impact: 'top' },
    ]);
    // The second 11:00 run is the webhook of the worker's own write (or a duplicate): nothing more.
    expect(plans.map((p) => p.status)).toEqual(['waiting_for_customer', 'assigned', null]);
    expect(status).toBe('assigned');
    expect(state.registration).toMatchObject({ status: 'incomplete', pauses: [{ fromMs: ms(CREATED), toMs: ms('2026-03-25T10:00:00Z') }] });
    // Top 1 h / 4 h from Wed 10:00 CET with 10:00-11:00 paused: response 12:00, resolution 15:00 CET.
    expect(iso(state.facts?.responseDueMs as number)).toBe('2026-03-25T11:00:00.000Z');
    expect(iso(state.facts?.resolutionDueMs as number)).toBe('2026-03-25T14:00:00.000Z');
  });

  it("leaves an agent's own waiting_for_customer on a Top incident paused", () => {
    const { plans } = raise([
      { now: CREATED, impact: 'medium' },
      { now: '2026-03-25T09:30:00Z', impact: 'medium', status: 'in_progress' },
      { now: '2026-03-25T09:45:00Z', impact: 'medium', status: 'waiting_for_customer' },
      { now: '2026-03-25T10:00:00Z', impact: 'top' },
    ]);
    expect(plans.map((p) => p.status)).toEqual(['waiting_for_customer', null, null, null]);
  });
});
