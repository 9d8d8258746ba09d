import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { configProblemsOf } from '../../helpers/config-problems.js';

const problemsOf = configProblemsOf;
/** Production needs a Redis of its own (issue 18 point 11). */
const PRODUCTION_REDIS = { REDIS_URL: 'rediss://redis.internal:6380' };

describe('loadConfig', () => {
  it('comes up with defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.redis.url).toBeUndefined();
    expect(config.queue.prefix).toBe('xsw');
    expect(config.shutdown.timeoutMs).toBe(25_000);
    expect(config.xurrent).toBeUndefined();
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: ' ' }).http.port).toBe(3000);
  });

  it('derives the Xurrent URLs from domain and region', () => {
    const config = loadConfig({ XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 't', XURRENT_DOMAIN: 'xurrent.qa', XURRENT_REGION: 'AU' });
    expect(config.xurrent?.graphqlUrl).toBe('https://graphql.au.xurrent.qa');
    expect(config.xurrent?.oauthTokenUrl).toBe('https://oauth.au.xurrent.qa/token');
    expect(config.xurrent?.auth).toEqual({ kind: 'token', token: 't' });
  });

  it('lists every bad variable by name at once, never its value', () => {
    const problems = problemsOf({
      PORT: 'not-a-port',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://secret-host',
      XURRENT_CLIENT_ID: 'client-id-value',
      WORKER_CONCURRENCY: '0',
    });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'REDIS_URL', 'XURRENT_CLIENT_SECRET', 'XURRENT_ACCOUNT', 'WORKER_CONCURRENCY']),
    );
    const joined = problems.join('\n');
    expect(joined).not.toContain('not-a-port');
    expect(joined).not.toContain('loud');
    expect(joined).not.toContain('secret-host');
    expect(joined).not.toContain('client-id-value');
  });

  it('refuses two ways to authenticate', () => {
    const problems = problemsOf({ XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 't', XURRENT_CLIENT_ID: 'i', XURRENT_CLIENT_SECRET: 's' });
    expect(problems.join()).toMatch(/XURRENT_TOKEN: set either/);
  });

  it('requires Xurrent settings in production only', () => {
    // Production also needs a webhook audience and key source while signatures are required (the default).
    expect(problemsOf({ NODE_ENV: 'production' }).map((p) => p.split(':')[0])).toEqual([
      'REDIS_URL',
      'XURRENT_TOKEN',
      'XURRENT_ACCOUNT',
      'XURRENT_WEBHOOK_AUDIENCE',
      'XURRENT_WEBHOOK_PUBLIC_KEY',
    ]);
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
    const webhookKey = { XURRENT_WEBHOOK_JWKS: 'discover', XURRENT_WEBHOOK_AUDIENCE: 'support-worker' };
    expect(
      problemsOf({
        NODE_ENV: 'production',
        ...PRODUCTION_REDIS,
        XURRENT_ACCOUNT: 'wdc',
        XURRENT_CLIENT_ID: 'i',
        XURRENT_CLIENT_SECRET: 's',
        ...webhookKey,
      }),
    ).toEqual([]);
  });
});

/** Issue 18 (11): transport in production. */
describe('loadConfig in production', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    ...PRODUCTION_REDIS,
    XURRENT_ACCOUNT: 'wdc',
    XURRENT_TOKEN: 't',
    XURRENT_WEBHOOK_JWKS: 'discover',
    XURRENT_WEBHOOK_AUDIENCE: 'support-worker',
  };

  it('accepts the derived https URLs and an https XURRENT_GRAPHQL_URL', () => {
    expect(problemsOf(PRODUCTION)).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, XURRENT_GRAPHQL_URL: 'https://graphql.xurrent.qa' })).toEqual([]);
  });

  it('refuses a plain-http XURRENT_GRAPHQL_URL, naming the variable (http stays allowed outside production: the simulator)', () => {
    expect(problemsOf({ ...PRODUCTION, XURRENT_GRAPHQL_URL: 'http://graphql.xurrent.com' })).toEqual([
      'XURRENT_GRAPHQL_URL: must give an https URL (without user or password) in production',
    ]);
    expect(problemsOf({ ...PRODUCTION, XURRENT_GRAPHQL_URL: 'https://user:pw@graphql.xurrent.com' })).toEqual([
      expect.stringMatching(/^XURRENT_GRAPHQL_URL: /),
    ]);
    expect(problemsOf({ ...PRODUCTION, NODE_ENV: 'development', XURRENT_GRAPHQL_URL: 'http://127.0.0.1:4000/graphql' })).toEqual([]);
  });

  it('refuses a domain that turns the OAuth token URL into something other than plain https', () => {
    expect(problemsOf({ ...PRODUCTION, XURRENT_DOMAIN: 'user:pw@evil.example' })).toEqual([
      expect.stringMatching(/^XURRENT_DOMAIN: must give an https URL/),
      expect.stringMatching(/^XURRENT_DOMAIN: must give an https OAuth token URL/),
    ]);
  });

  it('refuses a simulator setting, naming it: production never runs the simulator (issue 20 point 5)', () => {
    expect(problemsOf({ ...PRODUCTION, XURRENT_SIMULATOR: 'off' })).toEqual([
      'XURRENT_SIMULATOR: must be unset in production: the simulator is a development tool and never runs there',
    ]);
    expect(problemsOf({ ...PRODUCTION, XURRENT_SIMULATOR: 'auto' })).toEqual([
      expect.stringMatching(/^XURRENT_SIMULATOR: must be unset in production/),
    ]);
    expect(problemsOf({ ...PRODUCTION, XURRENT_SIMULATOR: ' ' })).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, NODE_ENV: 'development', XURRENT_SIMULATOR: 'off' })).toEqual([]);
    expect(loadConfig({ XURRENT_SIMULATOR: 'off' }).xurrentSimulator).toBe('off');
  });

  it('requires REDIS_URL or REDIS_SENTINELS: no silent fallback to the local or an embedded Redis', () => {
    const { REDIS_URL: _unset, ...withoutRedis } = PRODUCTION;
    expect(problemsOf(withoutRedis)).toEqual([
      'REDIS_URL: is required in production, or REDIS_SENTINELS (no fallback to 127.0.0.1:6379 or an embedded redis-server there)',
    ]);
    expect(problemsOf({ ...withoutRedis, REDIS_SENTINELS: 's1:26379,s2:26379,s3:26379', REDIS_SENTINEL_NAME: 'xsw' })).toEqual([]);
    expect(problemsOf({ ...withoutRedis, REDIS_EMBEDDED: 'always' })).toEqual([
      expect.stringMatching(/^REDIS_URL: is required in production/),
    ]);
    expect(problemsOf({ ...withoutRedis, NODE_ENV: 'development' })).toEqual([]);
  });
});
