import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets, redactString, SECRET_PATTERNS } from '../../../src/redact.js';

/** Every pattern applied unconditionally: what redactString did before its pre-check. */
const everyPattern = (text: string) => SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

const FRAGMENTS = [
  '-----BEGIN RSA KEY-----',
  'abc\n',
  '-----END RSA KEY-----',
  'Bearer ',
  'basic ',
  'BASIC',
  'eyJhbGciOi.eyJzdWIi.sig',
  'eyj',
  'https://',
  'user:pw@',
  'host',
  '=',
  'token=',
  'password=x',
  '&',
  ' ',
  'delivery-1f2e',
  ':',
  '/',
  '@',
  'é',
  '\u0000',
  'redis://',
  ':pw@',
  '?password=',
  'code=',
  'pat=',
  '"access_token"',
  '"code": "',
  '\\"',
  '"',
  'statusCode=',
  'rediss://u:p@h',
];

describe('redactString', () => {
  it('gives exactly what applying every pattern gives, for any mix of secret-like fragments', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => redactString(t) === everyPattern(t)),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [REDACTED]'],
    ['token eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjp7fX0.c2ln here', 'token [REDACTED] here'],
    ['https://user:secret@redis.example:6379', 'https://[REDACTED]@redis.example:6379'],
    ['GET /cb?code=1&access_token=abc', 'GET /cb?code=[REDACTED]&access_token=[REDACTED]'],
    ['delivery accepted', 'delivery accepted'],
  ])('%s', (input, expected) => expect(redactString(input)).toBe(expected));

  // Issue 18 (1): a password-only Redis URL was printed as is (userinfo needed a user name).
  it.each([
    ['redis://:s3cr3t-pw@redis.internal:6379', 'redis://[REDACTED]@redis.internal:6379'],
    ['redis://default:s3cr3t-pw@redis.internal:6379/0', 'redis://[REDACTED]@redis.internal:6379/0'],
    ['rediss://:s3cr3t-pw@redis.internal:6380', 'rediss://[REDACTED]@redis.internal:6380'],
    ['rediss://user:p@ss@word@redis.internal', 'rediss://[REDACTED]@redis.internal'],
    ['redis://redis.internal:6379?password=s3cr3t-pw&db=2', 'redis://redis.internal:6379?password=[REDACTED]&db=2'],
    ['redis://redis.internal:6379/0?db=1&pass=s3cr3t-pw', 'redis://redis.internal:6379/0?db=1&pass=[REDACTED]'],
    ['connect to "redis://:s3cr3t-pw@h:1" failed', 'connect to "redis://[REDACTED]@h:1" failed'],
  ])('Redis URL %s', (input, expected) => expect(redactString(input)).toBe(expected));

  // Issue 18 (10): pat, code, auth and JSON-quoted token values.
  it.each([
    ['https://wdc.xurrent.com/webhooks/7/verify?code=one-time-123', 'https://wdc.xurrent.com/webhooks/7/verify?code=[REDACTED]'],
    ['pat=abc123&x=1', 'pat=[REDACTED]&x=1'],
    ['auth=abc123', 'auth=[REDACTED]'],
    [
      'oauth answered 400: {"access_token":"tok-abc","token_type":"Bearer","expires_in":3600}',
      'oauth answered 400: {"access_token":"[REDACTED]","token_type":"Bearer","expires_in":3600}',
    ],
    [
      '{"refresh_token" : "r-1", "code":"c-2", "pat":"p-3", "auth":"a-4"}',
      '{"refresh_token" : "[REDACTED]", "code":"[REDACTED]", "pat":"[REDACTED]", "auth":"[REDACTED]"}',
    ],
    ['body: {\\"access_token\\":\\"tok-abc\\"}', 'body: {\\"access_token\\":\\"[REDACTED]\\"}'],
    // Names that only contain the short words stay readable.
    ['statusCode=200 path=/x encode=1 author=me', 'statusCode=200 path=/x encode=1 author=me'],
    ['{"statusCode":"500","path":"/x","author":"me"}', '{"statusCode":"500","path":"/x","author":"me"}'],
  ])('%s', (input, expected) => expect(redactString(input)).toBe(expected));
});

describe('redactSecrets', () => {
  it('redacts values under pat, code and auth keys (whole key only) and under the secret-looking ones', () => {
    const out = redactSecrets({
      pat: 'p-1',
      code: 'c-2',
      Auth: 'a-3',
      nested: { access_token: 't-4' },
      path: '/x',
      statusCode: 500,
      author: 'me',
      passcode: 'q-5',
    });
    expect(out).toEqual({
      pat: '[REDACTED]',
      code: '[REDACTED]',
      Auth: '[REDACTED]',
      nested: { access_token: '[REDACTED]' },
      path: '/x',
      statusCode: 500,
      author: 'me',
      passcode: '[REDACTED]',
    });
  });
});
