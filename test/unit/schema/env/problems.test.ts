import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

describe('problem-management configuration', () => {
  it('defaults to the contract', () => {
    expect(loadConfig({}).problems).toEqual({
      impacts: ['high', 'top'],
      repeatThreshold: 2,
      groupBy: 'service_instance',
      windowDays: 30,
      rcaDue: 'P1M',
      managerId: null,
      teamId: null,
      rcaWarningBusinessDays: 5,
      rcaRequestCues: ['rca', 'root cause', 'hoofdoorzaak', 'oorzaakanalyse', 'oorzaak analyse'],
      rcaReportTags: ['#rca'],
    });
  });

  it('reads every variable', () => {
    const { problems } = loadConfig({
      PROBLEM_IMPACTS: 'medium, high,top',
      PROBLEM_REPEAT_THRESHOLD: '3',
      PROBLEM_WINDOW_DAYS: '14',
      RCA_DUE: 'P2W',
      PROBLEM_MANAGER_ID: 'P-1',
      PROBLEM_TEAM_ID: 'T-1',
      RCA_WARNING_BUSINESS_DAYS: '2',
    });
    expect(problems).toMatchObject({
      impacts: ['medium', 'high', 'top'],
      repeatThreshold: 3,
      windowDays: 14,
      rcaDue: 'P2W',
      managerId: 'P-1',
      teamId: 'T-1',
      rcaWarningBusinessDays: 2,
    });
  });

  it.each([
    ['PROBLEM_IMPACTS', 'high,severe'],
    ['PROBLEM_REPEAT_THRESHOLD', '1'],
    ['PROBLEM_WINDOW_DAYS', '0'],
    ['RCA_DUE', 'one month'],
    ['RCA_DUE', 'PT0S'],
    ['PROBLEM_GROUP_BY', 'team'],
    ['PROBLEM_GROUP_BY', 'configuration_item'],
  ])('refuses %s=%s, naming the variable', (key, value) => {
    expect(configProblemsOf({ [key]: value })).toEqual([expect.stringMatching(new RegExp(`^${key}: `))]);
  });
});
