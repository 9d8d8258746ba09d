import { describe, expect, it } from 'vitest';
import { acceptedIssuer } from '../../../webhooks/issuer.js';

const ACCOUNT_URL = 'https://wdc.4me-staging.com';

describe('acceptedIssuer', () => {
  it.each([
    ['https://wdc.4me-staging.com', true],
    ['https://wdc.4me-staging.com/webhook_policies/wp-1a2b', true],
    ['https://wdc.4me-staging.com/', false],
    ['https://wdc.4me-demo.com', false],
    ['http://wdc.4me-staging.com', false],
    ['https://globalnet.4me-staging.com', false],
    ['https://wdc.4me-staging.com.evil.example', false],
    ['https://wdc.4me-staging.com/webhook_policies/', false],
    ['https://wdc.4me-staging.com/webhook_policies/..', false],
    ['https://wdc.4me-staging.com/webhook_policies/a/b', false],
    ['https://wdc.4me-staging.com/webhook_policies/a?x=1', false],
    ['https://wdc.4me-staging.com/other/a', false],
  ])('%s → %s', (iss, accepted) => {
    expect(acceptedIssuer(iss, ACCOUNT_URL)).toBe(accepted ? iss : undefined);
  });

  it('accepts nothing without a configured account or for a non-string iss', () => {
    expect(acceptedIssuer(ACCOUNT_URL, undefined)).toBeUndefined();
    expect(acceptedIssuer(42, ACCOUNT_URL)).toBeUndefined();
  });
});
