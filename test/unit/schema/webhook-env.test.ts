import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { configProblemsOf } from '../../helpers/config-problems.js';

const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** With REDIS_URL, which production requires (issue 18 point 11): these tests are about the webhook variables. */
const problemsOf = (env: Record<string, string>) => configProblemsOf({ REDIS_URL: 'redis://redis.internal:6379', ...env });

describe('webhook configuration', () => {
  it('defaults to required signatures, RS256, no discovery, 256 KiB, an 8-day dedup window', () => {
    const { webhooks } = loadConfig({});
    expect(webhooks).toMatchObject({
      requireSignature: true,
      algorithms: ['RS256'],
      discoverKeys: false,
      maxBytes: 262_144,
      dedupTtlSeconds: 8 * 24 * 3600,
      publicKeys: [],
      accounts: [],
      accountUrl: undefined,
    });
  });

  it('derives the issuer and the accepted accounts from XURRENT_ACCOUNT, XURRENT_DOMAIN and XURRENT_CUSTOMER_ACCOUNTS', () => {
    const { webhooks } = loadConfig({
      XURRENT_ACCOUNT: 'WDC',
      XURRENT_DOMAIN: '4me-staging.com',
      XURRENT_CUSTOMER_ACCOUNTS: 'globex, initech,',
    });
    expect(webhooks.accountUrl).toBe('https://wdc.4me-staging.com');
    expect(webhooks.accounts).toEqual(['wdc', 'globex', 'initech']);
    expect(webhooks.callbackDomains).toEqual(['4me-staging.com']);
  });

  it('adds XURRENT_WEBHOOK_CALLBACK_DOMAINS to the domains a verify callback may be on', () => {
    const { webhooks } = loadConfig({ XURRENT_ACCOUNT: 'wdc', XURRENT_WEBHOOK_CALLBACK_DOMAINS: '4me.com, 4ME-staging.com,' });
    expect(webhooks.callbackDomains).toEqual(['xurrent.com', '4me.com', '4me-staging.com']);
  });

  it.each(['https://4me.com', '4me.com:8443', '127.0.0.1', 'localhost', 'evil.example/x', '[::1]'])(
    'refuses XURRENT_WEBHOOK_CALLBACK_DOMAINS=%s',
    (value) => {
      expect(problemsOf({ XURRENT_WEBHOOK_CALLBACK_DOMAINS: value })).toEqual([
        expect.stringMatching(/^XURRENT_WEBHOOK_CALLBACK_DOMAINS: must be/),
      ]);
    },
  );

  it('accepts PEMs with literal \\n and several keys for rotation', () => {
    const { webhooks } = loadConfig({ XURRENT_ACCOUNT: 'wdc', XURRENT_WEBHOOK_PUBLIC_KEY: `${rsaPem.replace(/\n/g, '\\n')}${ecPem}` });
    expect(webhooks.publicKeys).toHaveLength(2);
    expect(webhooks.publicKeys[0]).toContain('\n');
  });

  it.each(['none', 'HS256', 'RS256,HS512', 'PS256', ' , '])('refuses XURRENT_WEBHOOK_ALGORITHMS=%s', (value) => {
    expect(problemsOf({ XURRENT_WEBHOOK_ALGORITHMS: value })).toEqual([expect.stringMatching(/^XURRENT_WEBHOOK_ALGORITHMS: must be/)]);
  });

  it('parses an algorithm list case-insensitively and without duplicates', () => {
    expect(loadConfig({ XURRENT_WEBHOOK_ALGORITHMS: 'rs256, ES512,RS256' }).webhooks.algorithms).toEqual(['RS256', 'ES512']);
  });

  it('refuses a key that is not a public key, without echoing it', () => {
    const problems = problemsOf({
      XURRENT_ACCOUNT: 'wdc',
      XURRENT_WEBHOOK_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnot-a-key\n-----END PUBLIC KEY-----',
    });
    expect(problems.join()).toMatch(/XURRENT_WEBHOOK_PUBLIC_KEY/);
    expect(problems.join()).not.toContain('not-a-key');
  });

  it('needs XURRENT_ACCOUNT when a key source is set, and a key and an audience in production', () => {
    const production = { NODE_ENV: 'production', XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 't' };
    expect(problemsOf({ XURRENT_WEBHOOK_PUBLIC_KEY: rsaPem })).toEqual([expect.stringMatching(/^XURRENT_ACCOUNT/)]);
    expect(problemsOf({ ...production, XURRENT_WEBHOOK_AUDIENCE: 'a' })).toEqual([expect.stringMatching(/^XURRENT_WEBHOOK_PUBLIC_KEY/)]);
    expect(problemsOf({ ...production, XURRENT_WEBHOOK_PUBLIC_KEY: rsaPem })).toEqual([
      expect.stringMatching(/^XURRENT_WEBHOOK_AUDIENCE: is required in production/),
    ]);
    expect(problemsOf({ ...production, XURRENT_WEBHOOK_PUBLIC_KEY: rsaPem, XURRENT_WEBHOOK_AUDIENCE: 'a' })).toEqual([]);
    // Outside production an audience stays optional.
    expect(problemsOf({ XURRENT_ACCOUNT: 'wdc', XURRENT_WEBHOOK_PUBLIC_KEY: rsaPem })).toEqual([]);
  });

  it('refuses XURRENT_WEBHOOK_REQUIRE_SIGNATURE=false in production, naming the variable', () => {
    const production = { NODE_ENV: 'production', XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 't' };
    for (const value of ['false', '0', 'no']) {
      expect(problemsOf({ ...production, XURRENT_WEBHOOK_REQUIRE_SIGNATURE: value })).toEqual([
        expect.stringMatching(/^XURRENT_WEBHOOK_REQUIRE_SIGNATURE: must not be false in production/),
      ]);
    }
    expect(() => loadConfig({ ...production, XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false' })).toThrow(/XURRENT_WEBHOOK_REQUIRE_SIGNATURE/);
    expect(problemsOf({ NODE_ENV: 'development', XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false' })).toEqual([]);
    expect(loadConfig({ XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false' }).webhooks.requireSignature).toBe(false);
  });

  it('takes the exp opt-in and the discovery cap', () => {
    expect(loadConfig({}).webhooks).toMatchObject({ requireExp: false, discoveriesPerMinute: 10 });
    expect(loadConfig({ XURRENT_WEBHOOK_REQUIRE_EXP: 'true', XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE: '3' }).webhooks).toMatchObject({
      requireExp: true,
      discoveriesPerMinute: 3,
    });
    expect(problemsOf({ XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE: '0' })).toEqual([
      expect.stringMatching(/^XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE/),
    ]);
  });

  it('keeps the dedup window at least 7 days', () => {
    expect(problemsOf({ WEBHOOK_DEDUP_TTL_SECONDS: '3600' })).toEqual([expect.stringMatching(/^WEBHOOK_DEDUP_TTL_SECONDS/)]);
  });
});
