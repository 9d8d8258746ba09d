import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

describe('operations configuration', () => {
  it('defaults: admin disabled, 10 failed logins a minute per address, no worker metrics port, 30 s heartbeats, cloud', () => {
    expect(loadConfig({}).operations).toEqual({
      admin: { token: undefined, basic: undefined },
      loginThrottle: { maxFailures: 10, windowMs: 60_000 },
      metricsPort: undefined,
      healthSampleSeconds: 30,
      deployment: 'cloud',
    });
  });

  it('reads every variable', () => {
    const { operations } = loadConfig({
      ADMIN_TOKEN: 'x'.repeat(16),
      ADMIN_USER: 'ops',
      ADMIN_PASSWORD: 'p'.repeat(12),
      ADMIN_LOGIN_MAX_FAILURES: '5',
      ADMIN_LOGIN_WINDOW_SECONDS: '300',
      METRICS_PORT: '9464',
      HEALTH_SAMPLE_SECONDS: '10',
      DEPLOYMENT: 'on_premise',
    });
    expect(operations).toEqual({
      admin: { token: 'x'.repeat(16), basic: { user: 'ops', password: 'p'.repeat(12) } },
      loginThrottle: { maxFailures: 5, windowMs: 300_000 },
      metricsPort: 9464,
      healthSampleSeconds: 10,
      deployment: 'on_premise',
    });
  });

  it('refuses weak or half-set credentials, naming the variable', () => {
    expect(configProblemsOf({ ADMIN_TOKEN: 'short' })).toEqual(['ADMIN_TOKEN: must be at least 16 characters']);
    expect(configProblemsOf({ ADMIN_USER: 'ops' })).toEqual([
      'ADMIN_PASSWORD: is required when the other of ADMIN_USER / ADMIN_PASSWORD is set',
    ]);
    expect(configProblemsOf({ ADMIN_PASSWORD: 'p'.repeat(12) })).toEqual([
      'ADMIN_USER: is required when the other of ADMIN_USER / ADMIN_PASSWORD is set',
    ]);
    expect(configProblemsOf({ DEPLOYMENT: 'hosted' })).toEqual(['DEPLOYMENT: must be one of cloud, on_premise']);
    expect(configProblemsOf({ ADMIN_LOGIN_MAX_FAILURES: '0' })).toEqual(['ADMIN_LOGIN_MAX_FAILURES: must be at least 1']);
    expect(configProblemsOf({ ADMIN_LOGIN_WINDOW_SECONDS: 'a minute' })).toEqual(['ADMIN_LOGIN_WINDOW_SECONDS: must be a whole number']);
  });
});
