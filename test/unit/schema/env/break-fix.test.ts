import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

describe('break-fix configuration', () => {
  it('defaults to supplier mode with an hourly follow-up', () => {
    expect(loadConfig({}).breakFix).toEqual({
      mode: 'supplier',
      supportAccount: null,
      supportToken: null,
      supportServiceInstanceId: null,
      followUpIntervalMs: 3_600_000,
    });
  });

  it('reads request mode and its account, token, service instance and interval', () => {
    const { breakFix } = loadConfig({
      XURRENT_ESCALATION_MODE: 'request',
      XURRENT_SUPPORT_ACCOUNT: 'xurrent-support',
      XURRENT_SUPPORT_TOKEN: 'pat-1',
      XURRENT_SUPPORT_SERVICE_INSTANCE_ID: 'SI-9',
      XURRENT_FOLLOW_UP_INTERVAL: 'PT30M',
    });
    expect(breakFix).toEqual({
      mode: 'request',
      supportAccount: 'xurrent-support',
      supportToken: 'pat-1',
      supportServiceInstanceId: 'SI-9',
      followUpIntervalMs: 1_800_000,
    });
  });

  it('needs the support account in request mode, and only there', () => {
    expect(configProblemsOf({ XURRENT_ESCALATION_MODE: 'request' })).toEqual([
      expect.stringMatching(/^XURRENT_SUPPORT_ACCOUNT: is required with XURRENT_ESCALATION_MODE=request/),
    ]);
    expect(configProblemsOf({ XURRENT_ESCALATION_MODE: 'supplier' })).toEqual([]);
  });

  it.each([['PT30S'], ['hourly'], ['P0D']])('refuses XURRENT_FOLLOW_UP_INTERVAL=%s, naming the variable', (value) => {
    expect(configProblemsOf({ XURRENT_FOLLOW_UP_INTERVAL: value })).toEqual([expect.stringMatching(/^XURRENT_FOLLOW_UP_INTERVAL: /)]);
  });
});
