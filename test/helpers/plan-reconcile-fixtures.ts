import { createInstantFormatter } from '../../src/domain/notes/render-notes.js';
import { parseSlaTargets } from '../../src/domain/sla/parse-sla-policy.js';
import { planReconcile, type ReconcilePlan, type WorkflowPolicy } from '../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../src/domain/workflow/workflow-state.js';
import { calendarOf, ms, valueOf } from './calendar.js';

/** The workflow policy the planReconcile tests share: Amsterdam hours, the public SLA targets, a Xurrent service and supplier. */
export const policy: WorkflowPolicy = {
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
/** XURRENT_ESCALATION_TRIGGER=agent (§4 level 1 first): forwarded on a provider person's #xurrent note. */
export const agentPolicy: WorkflowPolicy = {
  ...policy,
  xurrentEscalationTrigger: 'agent',
  xurrentEscalationTags: ['#xurrent'],
  providerAccountId: 'ACC-PROVIDER',
};

export const CREATED = '2026-03-27T15:00:00Z';

export function snapshot(over: Partial<RequestSnapshot> = {}): RequestSnapshot {
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
export function run(steps: { now: string; over?: Partial<RequestSnapshot> }[], start: WorkflowState = INITIAL_WORKFLOW_STATE) {
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
