import { describe, expect, it } from 'vitest';
import { rcaOverdueApplies, withRcaOverdueEscalation } from '../../../../../src/domain/problems/rca-escalation.js';
import { INITIAL_WORKFLOW_STATE } from '../../../../../src/domain/workflow/workflow-state.js';

const DUE = Date.parse('2026-04-27T14:00:00Z');

describe('rcaOverdueApplies', () => {
  it.each([
    ['overdue stage at the target, open problem', 'overdue', 'assigned', DUE, DUE, true],
    ['overdue stage after the target', 'overdue', 'in_progress', DUE, DUE + 1, true],
    ['overdue stage before the target (it moved later)', 'overdue', 'assigned', DUE, DUE - 1, false],
    ['warning stage, even past the target', 'warning', 'assigned', DUE, DUE + 1, false],
    ['solved problem without its RCA report (issue 17 point 5)', 'overdue', 'solved', DUE, DUE + 1, true],
    ['declined problem', 'overdue', 'declined', DUE, DUE + 1, false],
    ['no RCA target', 'overdue', 'assigned', null, DUE + 1, false],
  ] as const)('%s', (_name, stage, status, due, now, expected) => {
    expect(rcaOverdueApplies({ status, analysisTargetAtMs: due }, stage, now)).toBe(expected);
  });
});

describe('withRcaOverdueEscalation', () => {
  it('adds one service_support_manager escalation without a target, keeping the earlier ones', () => {
    const earlier = { key: 'response:warning', level: 'warning' as const, target: 'response' as const, atMs: 1 };
    const state = { ...INITIAL_WORKFLOW_STATE, escalations: [earlier] };
    const next = withRcaOverdueEscalation(state, 'P1', DUE);
    expect(next?.escalations).toEqual([earlier, { key: 'rca_overdue:P1', level: 'service_support_manager', target: null, atMs: DUE }]);
  });

  it('adds nothing the second time for the same problem, but does for another problem', () => {
    const once = withRcaOverdueEscalation(INITIAL_WORKFLOW_STATE, 'P1', DUE);
    expect(once).not.toBeNull();
    expect(withRcaOverdueEscalation(once!, 'P1', DUE + 60_000)).toBeNull();
    expect(withRcaOverdueEscalation(once!, 'P2', DUE)?.escalations).toHaveLength(2);
  });
});
