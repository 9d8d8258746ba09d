import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactString, SECRET_PATTERNS } from '../../../src/redact.js';

/** Every pattern applied unconditionally: what redactString did before its pre-check. */
const everyPattern = (text: string) => SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

const FRAGMENTS = ['-----BEGIN RSA KEY-----', 'abc\n', '-----END RSA KEY-----', 'Bearer ', 'basic ', 'BASIC', 'eyJhbGciOi.eyJzdWIi.sig', 'eyj', 'https://', 'user:pw@', 'host', '=', 'token=', 'password=x', '&', ' ', 'delivery-1f2e', ':', '/', '@', 'é', '\u0000'];

describe('redactString', () => {
  it('gives exactly what applying every pattern gives, for any mix of secret-like fragments', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => redactString(t) === everyPattern(t)), { numRuns: 2_000 });
  });

  it.each([
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [REDACTED]'],
    ['token eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjp7fX0.c2ln here', 'token [REDACTED] here'],
    ['https://user:secret@redis.example:6379', 'https://[REDACTED]@redis.example:6379'],
    ['GET /cb?code=1&access_token=abc', 'GET /cb?code=1&access_token=[REDACTED]'],
    ['delivery accepted', 'delivery accepted'],
  ])('%s', (input, expected) => expect(redactString(input)).toBe(expected));
});
