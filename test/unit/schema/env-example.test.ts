import { readFileSync } from 'node:fs';
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

function schemaDefault(name: keyof typeof envShape): string {
  const parsed = envShape[name].safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return '';
  return String(parsed.data);
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

  it('shows the schema default for each variable', () => {
    const wrong = Object.keys(envShape)
      .map((name) => ({ name, documented: documented.get(name), schema: schemaDefault(name as keyof typeof envShape) }))
      .filter((row) => row.documented !== row.schema);
    expect(wrong).toEqual([]);
  });
});
