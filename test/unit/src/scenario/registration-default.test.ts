import { describe, expect, it } from 'vitest';
import { withRegistrationDefault } from '../../../../src/scenario/registration-default.js';
import { parseScenario } from '../../../../src/scenario/scenario-schema.js';

const create = (extra: Record<string, string> = {}) => ({ at: '2026-03-27T15:00:00Z', create: { ref: 'r1', impact: 'high', subject: 'Mail slow', serviceInstance: 'Mail', ...extra } });

describe('withRegistrationDefault', () => {
  it('turns the completeness check off for a scenario that describes no request', () => {
    expect(withRegistrationDefault(parseScenario({ config: { ESCALATION_L1_PERSON_ID: 'Sam Support Manager' }, steps: [create()] }))).toEqual({ ESCALATION_L1_PERSON_ID: 'Sam Support Manager', COMPLETENESS_RULES: 'none' });
  });

  it('leaves it on when a request has a description', () => {
    expect(withRegistrationDefault(parseScenario({ config: {}, steps: [create({ description: 'It is slow.' }), create()] }))).toEqual({});
  });

  it('leaves the configuration alone when the scenario sets a registration variable', () => {
    const config = { ROUTING_RULES: '* => first:Service Desk' };
    expect(withRegistrationDefault(parseScenario({ config, steps: [create()] }))).toEqual(config);
    expect(withRegistrationDefault(parseScenario({ config: { COMPLETENESS_PAUSE: 'false' }, steps: [create()] }))).toEqual({ COMPLETENESS_PAUSE: 'false' });
  });
});
