import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { envShape } from '../../../schema/env.js';

/** `#VAR=value` or `VAR=value` lines of .env.example. */
function documentedVariables(): Map<string, string> {
  const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
  const documented = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^#?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) documented.set(match[1] as string, match[2] as string);
  }
  return documented;
}

/** What a field gives for a text (or for unset: undefined), or why it refuses it. */
function valueOf(name: string, text: string | undefined): unknown {
  const parsed = (envShape as Record<string, { safeParse(input: unknown): { success: boolean; data?: unknown } }>)[name]?.safeParse(text);
  return parsed?.success ? parsed.data : 'refused';
}

describe('.env.example', () => {
  const documented = documentedVariables();

  it('documents every variable of the schema', () => {
    const missing = Object.keys(envShape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('documents no variable the schema does not read', () => {
    const unknown = [...documented.keys()].filter((name) => !(name in envShape));
    expect(unknown).toEqual([]);
  });

  // Fields parse into typed values (lists, durations, rules), so the documented text is compared by
  // what it gives: exactly the value the service uses when the variable is unset.
  it('shows the schema default for each variable', () => {
    const wrong = Object.keys(envShape)
      .map((name) => ({ name, documented: documented.get(name) }))
      .filter(({ name, documented }) => !isDeepStrictEqual(valueOf(name, documented), valueOf(name, undefined)));
    expect(wrong).toEqual([]);
  });

  it('has a default for every variable (unset is never refused)', () => {
    expect(Object.keys(envShape).filter((name) => valueOf(name, undefined) === 'refused')).toEqual([]);
  });
});
