import { describe, expect, it, vi } from 'vitest';
import { classifyBody } from '../../../webhooks/read-body.js';
import { DeliveryRejected } from '../../../webhooks/rejection.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjp7fX0.c2ln';
const rejection = (raw: string | Buffer) => {
  try {
    classifyBody(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  } catch (error) {
    if (error instanceof DeliveryRejected) return { answer: error.answer, field: error.field?.path };
  }
  return undefined;
};

describe('classifyBody', () => {
  it.each([`{"jwt":"${TOKEN}"}`, ` {\n  "jwt" : "${TOKEN}"\n}\n`, `{"jwt":"${TOKEN.replace('.', '\\u002e')}"}`])(
    'finds the token in %j',
    (raw) => {
      expect(classifyBody(Buffer.from(raw))).toEqual({ kind: 'signed', token: TOKEN });
    },
  );

  it('returns a plain envelope as parsed JSON', () => {
    expect(classifyBody(Buffer.from('{"event":"request.update"}'))).toEqual({ kind: 'plain', body: { event: 'request.update' } });
  });

  it.each([
    ['{"jwt":', 'malformedJson', undefined],
    [Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'malformedJson', undefined],
    ['[1]', 'invalid', '(body)'],
    ['{"jwt":1}', 'invalid', 'jwt'],
    [`{"jwt":"${TOKEN}","x":1}`, 'invalid', 'x'],
  ] as const)('refuses %j as %s', (raw, answer, field) => {
    expect(rejection(raw as string | Buffer)).toEqual({ answer, field });
  });
});

describe('classifyBody when signatures are required (signedOnly)', () => {
  const signedOnly = (raw: string | Buffer) => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      classifyBody(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), { signedOnly: true });
      return { answer: 'accepted', parsed: parse.mock.calls.length };
    } catch (error) {
      if (!(error instanceof DeliveryRejected)) throw error;
      return { answer: error.answer, parsed: parse.mock.calls.length };
    } finally {
      parse.mockRestore();
    }
  };
  const nestedObject = (bytes: number) => '{"a":'.repeat(bytes / 5) + '1' + '}'.repeat(bytes / 5);

  it.each([
    ['a plain envelope', '{"event":"request.update","account_id":"acme"}', 'unauthorized'],
    ['a 256 KiB deeply nested object', nestedObject(262_144), 'unauthorized'],
    ['a 256 KiB body opening as a signed one', `{"jwt":"${'a'.repeat(262_144)}"}`, 'unauthorized'],
    ['a JSON array', '[1]', 'invalid'],
    ['an empty body', '', 'invalid'],
    ['truncated plain JSON', '{"webhook_id":1,', 'unauthorized'],
  ])('refuses %s from its bytes, without JSON.parse', (_name, raw, answer) => {
    expect(signedOnly(raw)).toEqual({ answer, parsed: 0 });
  });

  it('still finds the token without parsing', () => {
    expect(signedOnly(`{"jwt":"${TOKEN}"}`)).toEqual({ answer: 'accepted', parsed: 0 });
  });

  it('parses only a small body that opens as {"jwt": (to name the wrong field)', () => {
    expect(signedOnly(`{"jwt":"${TOKEN}","x":1}`)).toEqual({ answer: 'invalid', parsed: 1 });
  });

  it('refuses a larger body that opens as {"jwt": but is spelt otherwise from its bytes (a nested one costs ms to parse)', () => {
    const nested = `{"jwt":${'['.repeat(32_000)}${']'.repeat(32_000)}}`;
    expect(signedOnly(nested)).toEqual({ answer: 'unauthorized', parsed: 0 });
    expect(signedOnly(`{"jwt":"${TOKEN}","x":"${'y'.repeat(5_000)}"}`)).toEqual({ answer: 'unauthorized', parsed: 0 });
  });
});
