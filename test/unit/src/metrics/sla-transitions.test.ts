import { describe, expect, it } from 'vitest';
import type { SlaState } from '../../../../src/domain/notes/ticket-facts.js';
import { INITIAL_WORKFLOW_STATE, type EscalationRecord, type WorkflowState } from '../../../../src/domain/workflow/workflow-state.js';
import { slaTransitionsOf } from '../../../../src/metrics/sla-transitions.js';

const T = Date.parse('2026-03-27T15:00:00Z');

function state(response: SlaState, resolution: SlaState, escalations: EscalationRecord[] = []): WorkflowState {
  return {
    ...INITIAL_WORKFLOW_STATE,
    facts: {
      kind: 'incident',
      priority: 'high',
      priorityReason: 'impact',
      responseDueMs: T,
      resolutionDueMs: T,
      responseState: response,
      resolutionState: resolution,
      flags: [],
    },
    escalations,
  };
}
const warning = (target: 'response' | 'resolution'): EscalationRecord => ({ key: `warning:${target}`, level: 'warning', target, atMs: T });
const breach = (target: 'response' | 'resolution'): EscalationRecord => ({
  key: `service_support_manager:${target}`,
  level: 'service_support_manager',
  target,
  atMs: T,
});

describe('slaTransitionsOf', () => {
  it.each([
    ['first save, running', INITIAL_WORKFLOW_STATE, state('running', 'running'), [], []],
    ['a new response warning', state('running', 'running'), state('running', 'running', [warning('response')]), ['response'], []],
    [
      'the same warning saved again',
      state('running', 'running', [warning('response')]),
      state('running', 'running', [warning('response')]),
      [],
      [],
    ],
    [
      'response becomes breached',
      state('running', 'running', [warning('response')]),
      state('breached', 'running', [warning('response'), breach('response')]),
      [],
      ['response'],
    ],
    ['still breached: not counted twice', state('breached', 'running'), state('breached', 'paused'), [], []],
    ['met is no breach', state('running', 'running'), state('met', 'running'), [], []],
    ['state lost (initial) and both breached', INITIAL_WORKFLOW_STATE, state('breached', 'breached'), [], ['response', 'resolution']],
  ] as const)('%s', (_name, previous, next, warnings, breaches) => {
    const change = slaTransitionsOf(previous, next);
    expect(change.warnings).toEqual(warnings);
    expect(change.breaches).toEqual(breaches);
    expect(change.priority).toBe('high');
  });

  it('reports the states before and after the change, none without facts', () => {
    expect(slaTransitionsOf(INITIAL_WORKFLOW_STATE, state('met', 'paused')).states).toEqual({ response: 'met', resolution: 'paused' });
    expect(slaTransitionsOf(state('running', 'paused'), state('met', 'paused')).statesBefore).toEqual({
      response: 'running',
      resolution: 'paused',
    });
    expect(slaTransitionsOf(INITIAL_WORKFLOW_STATE, INITIAL_WORKFLOW_STATE)).toEqual({
      priority: 'none',
      warnings: [],
      breaches: [],
      states: { response: 'none', resolution: 'none' },
      statesBefore: { response: 'none', resolution: 'none' },
    });
  });
});
