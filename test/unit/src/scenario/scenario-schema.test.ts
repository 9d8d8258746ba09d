import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../../src/scenario/scenario-schema.js';

const at = (hhmm: string) => `2026-03-27T${hhmm}:00Z`;
const problemOf = (input: unknown): string => {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('parseScenario', () => {
  it('accepts the issue format and fills defaults', () => {
    const scenario = parseScenario({
      config: { SLA_WARNING_PERCENT: 80 },
      steps: [
        { at: at('15:00'), create: { ref: 'r1', impact: 'top' } },
        { at: at('15:20'), note: { ref: 'r1', text: 'hi' } },
        { at: at('15:30') },
      ],
    });
    expect(scenario.config).toEqual({ SLA_WARNING_PERCENT: '80' });
    expect(scenario.steps[0]?.create).toEqual({ ref: 'r1', impact: 'top', category: 'incident', subject: 'Scenario request' });
    // A public note is the requester's unless the step says `by: agent`.
    expect(scenario.steps[1]?.note).toEqual({ ref: 'r1', text: 'hi', internal: false, by: 'requester' });
  });

  it("makes an internal note an agent's, and refuses an internal note by the requester", () => {
    const internal = parseScenario({ steps: [{ at: at('15:00'), note: { ref: 'r1', text: 'x', internal: true } }] });
    expect(internal.steps[0]?.note?.by).toBe('agent');
    expect(() => parseScenario({ steps: [{ at: at('15:00'), note: { ref: 'r1', text: 'x', internal: true, by: 'requester' } }] })).toThrow(
      /steps\.0\.note\.by: a requester cannot write an internal note/,
    );
    expect(parseScenario({ steps: [{ at: at('15:00'), create: { ref: 'r1', customer: 'Acme' } }] }).steps[0]?.create?.customer).toBe(
      'Acme',
    );
  });

  it.each([
    ['a bad impact', { steps: [{ at: at('15:00'), create: { ref: 'r1', impact: 'huge' } }] }, 'steps.0.create.impact'],
    ['an instant without zone', { steps: [{ at: '2026-03-27T15:00:00' }] }, 'steps.0.at'],
    ['an unknown key', { steps: [{ at: at('15:00'), delete: { ref: 'r1' } }] }, 'steps.0'],
    ['time going back', { steps: [{ at: at('15:00') }, { at: at('16:00') }, { at: at('15:59') }] }, 'steps.2.at: goes back in time'],
    [
      'two actions in one step',
      { steps: [{ at: at('15:00'), create: { ref: 'r1' }, note: { ref: 'r1', text: 'x' } }] },
      'steps.0.note: one action per step',
    ],
    ['hold without an action', { steps: [{ at: at('15:00'), hold: true }] }, 'steps.0.hold'],
    ['lose without an action', { steps: [{ at: at('15:00'), lose: true }] }, 'steps.0.lose'],
    [
      'lose and hold at once',
      { steps: [{ at: at('15:00'), create: { ref: 'r1' }, hold: true, lose: true }] },
      'steps.0.lose: a step either holds or loses',
    ],
    ['a wipe with another action', { steps: [{ at: at('15:00'), restart: true, wipe: true }] }, 'steps.0.wipe: one action per step'],
    ['no steps', { steps: [] }, 'steps:'],
    ['a lower-case config name', { config: { port: '1' }, steps: [{ at: at('15:00') }] }, 'config.port'],
  ])('refuses %s, naming the field', (_label, input, field) => {
    expect(problemOf(input)).toContain(field);
  });

  it('takes a problem step by report ref and refuses a bad ref or status, naming the field', () => {
    const steps = (problem: object) => ({ steps: [{ at: at('15:00'), problem }] });
    expect(problemOf(steps({ ref: 'p1', status: 'solved', workaround: 'restart' }))).toBe('accepted');
    expect(problemOf(steps({ ref: 'r1', status: 'solved' }))).toMatch(/steps\.0\.problem\.ref/);
    expect(problemOf(steps({ ref: 'p1', status: 'fixed' }))).toMatch(/steps\.0\.problem\.status/);
  });

  it("takes an xurrent step (an agent at Xurrent's support updates the linked request) and refuses a bad status or a second action", () => {
    const steps = (xurrent: object, extra: object = {}) => ({ steps: [{ at: at('15:00'), xurrent, ...extra }] });
    expect(problemOf(steps({ ref: 'r1', status: 'completed' }))).toBe('accepted');
    expect(problemOf(steps({ ref: 'r1', status: 'fixed' }))).toMatch(/steps\.0\.xurrent\.status/);
    expect(problemOf(steps({ ref: 'r1', status: 'completed' }, { release: true }))).toMatch(/one action per step/);
  });
});
