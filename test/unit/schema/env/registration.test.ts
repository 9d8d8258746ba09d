import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { DEFAULT_COMPLETENESS_RULES, DEFAULT_REPRODUCTION_CUES } from '../../../../src/domain/registration/completeness-rules.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

describe('first-line registration configuration', () => {
  it('defaults to the contract: rules per category, pause, one reminder after a business day, no routing', () => {
    expect(loadConfig({}).registration).toEqual({
      completeness: {
        rules: DEFAULT_COMPLETENESS_RULES,
        cues: DEFAULT_REPRODUCTION_CUES,
        pause: true,
        pausePriorities: ['high', 'medium', 'low'],
        reminder: { unit: 'business_days', days: 1 },
      },
      routing: { rules: [], registrationTeamId: null },
    });
  });

  it('reads every variable', () => {
    const { registration } = loadConfig({
      COMPLETENESS_RULES: 'incident: impact,description min=20; rfi: subject',
      COMPLETENESS_CUES: 'repro, naspelen',
      COMPLETENESS_PAUSE: 'false',
      COMPLETENESS_PAUSE_PRIORITIES: 'top, high',
      COMPLETENESS_REMINDER: '4h',
      ROUTING_RULES: 'service_instance:SI1,impact:top => first:T1,second:T2',
      REGISTRATION_TEAM_ID: 'T0',
    });
    expect(registration).toEqual({
      completeness: {
        rules: {
          incident: { requires: ['impact', 'description'], minDescriptionLength: 20 },
          rfi: { requires: ['subject'], minDescriptionLength: 1 },
        },
        cues: ['repro', 'naspelen'],
        pause: false,
        pausePriorities: ['top', 'high'],
        reminder: { unit: 'business_minutes', minutes: 240 },
      },
      routing: {
        rules: [{ serviceInstanceId: 'SI1', category: null, impact: 'top', firstLineTeamId: 'T1', secondLineTeamId: 'T2' }],
        registrationTeamId: 'T0',
      },
    });
  });

  it('turns the check off with COMPLETENESS_RULES=none', () => {
    expect(loadConfig({ COMPLETENESS_RULES: 'none' }).registration.completeness.rules).toEqual({});
  });

  it.each([
    ['COMPLETENESS_RULES', 'incident: screenshots'],
    ['COMPLETENESS_RULES', 'incident'],
    ['COMPLETENESS_PAUSE', 'maybe'],
    ['COMPLETENESS_REMINDER', 'P1D'],
    ['COMPLETENESS_REMINDER', '0d'],
    ['ROUTING_RULES', 'impact:top'],
    ['ROUTING_RULES', 'impact:huge => first:T1'],
  ])('refuses %s=%s, naming the variable', (key, value) => {
    expect(configProblemsOf({ [key]: value })).toEqual([expect.stringMatching(new RegExp(`^${key}: `))]);
  });
});
