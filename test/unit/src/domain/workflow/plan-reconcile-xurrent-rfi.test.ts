import { describe, expect, it } from 'vitest';
import { planReconcile } from '../../../../../src/domain/workflow/plan-reconcile.js';
import type { RequestSnapshot } from '../../../../../src/domain/workflow/request-snapshot.js';
import { INITIAL_WORKFLOW_STATE } from '../../../../../src/domain/workflow/workflow-state.js';
import { ms } from '../../../../helpers/calendar.js';
import { agentPolicy, CREATED, snapshot } from '../../../../helpers/plan-reconcile-fixtures.js';

// §4: "every request needing a higher level is forwarded to Xurrent": a question about the Xurrent
// Service too, on an agent's decision; never automatically (level 1 answers questions first).
describe('a request for information on the Xurrent Service (§4)', () => {
  const rfi = (over: Partial<RequestSnapshot> = {}) =>
    snapshot({ serviceInstanceId: 'SI-XURRENT', category: 'rfi', impact: null, requesterIds: ['P-CUSTOMER'], ...over });
  const agentNote = (text: string, at: string) => ({
    text,
    createdAtMs: ms(at),
    internal: true,
    personId: 'P-AGENT',
    accountId: 'ACC-PROVIDER',
  });

  it('stays at level 1 with a note telling the agent how to forward, and is forwarded at the agent tag', () => {
    const first = planReconcile(rfi(), INITIAL_WORKFLOW_STATE, ms(CREATED), agentPolicy);
    expect(first.internalNote).toContain('e.g. a question only Xurrent can answer, add a note containing #xurrent');
    expect(first.state.escalations).toEqual([]);
    expect(first.status).toBeNull();
    const forwarded = planReconcile(
      rfi({ notes: [agentNote('Needs Xurrent #xurrent', '2026-03-27T15:10:00Z')] }),
      first.state,
      ms('2026-03-27T15:10:00Z'),
      agentPolicy,
    );
    expect(forwarded.internalNote).toContain("on the agent's decision: this request for information needs Xurrent to answer it");
    expect(forwarded.status).toBe('waiting_for');
    expect(forwarded.facts.flags).toContain('forwarded_to_xurrent');
    expect(forwarded.state.escalations).toEqual([
      { key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: ms('2026-03-27T15:10:00Z') },
    ]);
  });

  it('is never forwarded automatically', () => {
    const plan = planReconcile(rfi(), INITIAL_WORKFLOW_STATE, ms(CREATED), { ...agentPolicy, xurrentEscalationTrigger: 'automatic' });
    expect(plan.state.escalations).toEqual([]);
    expect(plan.internalNote ?? '').not.toContain('Xurrent');
    expect(plan.status).toBeNull();
  });
});
