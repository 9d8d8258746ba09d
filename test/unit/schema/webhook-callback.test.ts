import { describe, expect, it } from 'vitest';
import { checkVerifyCallback, describeCallback } from '../../../schema/webhook-callback.js';

const ACCOUNT_URL = 'https://wdc.4me-staging.com';
const RECEIVED = new Date('2026-11-27T03:00:00Z');

describe('checkVerifyCallback', () => {
  it('takes the expiry from expires_at (epoch seconds)', () => {
    const result = checkVerifyCallback('https://wdc.4me-staging.com/webhooks/1/verify?code=abc&expires_at=1614686831', ACCOUNT_URL, RECEIVED);
    expect(result.ok && result.expiresAt.toISOString()).toBe('2021-03-02T12:07:11.000Z');
  });

  it('gives a callback without expires_at the documented 24 h', () => {
    const result = checkVerifyCallback('https://wdc.4me-staging.com/webhooks/1/verify?code=abc', ACCOUNT_URL, RECEIVED);
    expect(result.ok && result.expiresAt.toISOString()).toBe('2026-11-28T03:00:00.000Z');
  });

  it.each([
    ['not a URL', 'must be a URL'],
    ['http://wdc.4me-staging.com/webhooks/1/verify', 'must be an https URL'],
    ['https://globalnet.4me-staging.com/webhooks/1/verify', "must be on the account's Xurrent host"],
    ['https://wdc.4me-staging.com:8443/webhooks/1/verify', "must be on the account's Xurrent host"],
    ['https://user:pw@wdc.4me-staging.com/webhooks/1/verify', "must be on the account's Xurrent host"],
  ])('refuses %s', (callback, message) => {
    expect(checkVerifyCallback(callback, ACCOUNT_URL, RECEIVED)).toEqual({ ok: false, message });
  });

  it('refuses every callback when no account is configured', () => {
    expect(checkVerifyCallback('https://wdc.4me-staging.com/x', undefined, RECEIVED).ok).toBe(false);
  });

  it('describes a callback without its one-time code', () => {
    expect(describeCallback(new URL('https://wdc.4me-staging.com/webhooks/1/verify?code=secret'))).toBe('https://wdc.4me-staging.com/webhooks/1/verify');
  });
});
