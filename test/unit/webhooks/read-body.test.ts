import { describe, expect, it } from 'vitest';
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
  it.each([`{"jwt":"${TOKEN}"}`, ` {\n  "jwt" : "${TOKEN}"\n}\n`, `{"jwt":"${TOKEN.replace('.', '\\u002e')}"}`])('finds the token in %j', (raw) => {
    expect(classifyBody(Buffer.from(raw))).toEqual({ kind: 'signed', token: TOKEN });
  });

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
