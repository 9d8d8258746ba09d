import { describe, expect, it } from 'vitest';
import { checkVerifyCallback, describeCallback } from '../../../../src/webhook-verify/callback-policy.js';

const POLICY = { accountId: 'wdc', domains: ['4me-staging.com'] };
const RECEIVED = new Date('2026-11-27T03:00:00Z');
const HOST = "must be on the account's Xurrent host";
const SYNTAX = 'must not contain spaces, control characters, backslashes or non-ASCII';

describe('checkVerifyCallback', () => {
  it('takes the expiry from expires_at (epoch seconds)', () => {
    const result = checkVerifyCallback('https://wdc.4me-staging.com/webhooks/1/verify?code=abc&expires_at=1614686831', POLICY, RECEIVED);
    expect(result.ok && result.expiresAt.toISOString()).toBe('2021-03-02T12:07:11.000Z');
  });

  it('gives a callback without expires_at the documented 24 h', () => {
    const result = checkVerifyCallback('https://wdc.4me-staging.com/webhooks/1/verify?code=abc', POLICY, RECEIVED);
    expect(result.ok && result.expiresAt.toISOString()).toBe('2026-11-28T03:00:00.000Z');
  });

  it('accepts the sending account on any configured domain (XURRENT_WEBHOOK_CALLBACK_DOMAINS), the explicit default port, and an upper-case host', () => {
    const policy = { accountId: 'WDC', domains: ['xurrent.com', '4me.com'] };
    for (const callback of [
      'https://wdc.xurrent.com/webhooks/1/verify?code=a',
      'https://wdc.4me.com/webhooks/1/verify?code=a',
      'https://WDC.4ME.COM:443/webhooks/1/verify?code=a',
    ]) {
      expect(checkVerifyCallback(callback, policy, RECEIVED).ok, callback).toBe(true);
    }
  });

  it.each([
    ['not-a-url', 'must be a URL'],
    ['http://wdc.4me-staging.com/webhooks/1/verify', 'must be an https URL'],
    ['ftp://wdc.4me-staging.com/webhooks/1/verify', 'must be an https URL'],
    ['https://globalnet.4me-staging.com/webhooks/1/verify', HOST],
    ['https://wdc.4me-staging.com.evil.example/verify', HOST],
    ['https://evil.example#@wdc.4me-staging.com/verify', HOST],
    ['https://evil.example?@wdc.4me-staging.com/verify', HOST],
    ['https://wdc.4me-staging.com./webhooks/1/verify', HOST],
    ['https://xwdc.4me-staging.com/webhooks/1/verify', HOST],
    ['https://sub.wdc.4me-staging.com/webhooks/1/verify', HOST],
    ['https://4me-staging.com/webhooks/1/verify', HOST],
    ['https://wdc.xurrent.com/webhooks/1/verify', HOST],
    ['https://wdc.4me-staging.com:8443/webhooks/1/verify', 'must use the default https port'],
    ['https://wdc.4me-staging.com:0/webhooks/1/verify', 'must use the default https port'],
    ['https://user:pw@wdc.4me-staging.com/webhooks/1/verify', 'must not carry credentials'],
    ['https://wdc.4me-staging.com@evil.example/verify', 'must not carry credentials'],
    ['https://127.0.0.1/webhooks/1/verify', 'must not be an IP address'],
    ['https://2130706433/webhooks/1/verify', 'must not be an IP address'],
    ['https://0x7f.1/webhooks/1/verify', 'must not be an IP address'],
    ['https://169.254.169.254/latest/meta-data', 'must not be an IP address'],
    ['https://[::1]/webhooks/1/verify', 'must not be an IP address'],
    ['https://[::ffff:10.0.0.1]/webhooks/1/verify', 'must not be an IP address'],
    ['https://localhost/webhooks/1/verify', 'must not be localhost'],
    ['https://wdc.localhost/webhooks/1/verify', 'must not be localhost'],
    ['https://wdc.4me-staging.com/webhooks/1/verify?code=a\r\nHost: evil.example', SYNTAX],
    ['https://wdc.4me-staging.com/webhooks/1/verify\nX-Injected: 1', SYNTAX],
    ['https://wdc.4me-staging.com/webhooks/1/verify?code=a%0d%0a', undefined],
    ['https://wdc.4me-staging.com/webhooks/1/ve\trify', SYNTAX],
    [' https://wdc.4me-staging.com/webhooks/1/verify', SYNTAX],
    ['https://wdc.4me-staging.com\\@evil.example/verify', SYNTAX],
    ['https://wdc.4me-staging.com\u0000.evil.example/verify', SYNTAX],
    ['https://wdс.4me-staging.com/webhooks/1/verify', SYNTAX], // Cyrillic es
    ['https://xn--wd-pmc.4me-staging.com/webhooks/1/verify', HOST],
  ])('refuses %j', (callback, message) => {
    const result = checkVerifyCallback(callback, POLICY, RECEIVED);
    if (message === undefined) {
      // Percent-encoded CR/LF stays encoded in the query: harmless, and the one-time code is opaque to us.
      expect(result.ok && result.url.href).toBe('https://wdc.4me-staging.com/webhooks/1/verify?code=a%0d%0a');
      return;
    }
    expect(result).toEqual({ ok: false, message });
  });

  it('refuses every callback when no domain is configured', () => {
    expect(checkVerifyCallback('https://wdc.4me-staging.com/x', { accountId: 'wdc', domains: [] }, RECEIVED).ok).toBe(false);
  });

  it('describes a callback without its one-time code', () => {
    expect(describeCallback(new URL('https://wdc.4me-staging.com/webhooks/1/verify?code=secret'))).toBe(
      'https://wdc.4me-staging.com/webhooks/1/verify',
    );
  });
});
