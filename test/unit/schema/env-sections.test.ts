import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_SECTIONS, envShape } from '../../../schema/env.js';
import { loadConfig } from '../../../src/config.js';

const SECTION_DIR = new URL('../../../schema/env/', import.meta.url);

/** Every section a file of schema/env/ defines: an object with a shape, a reader and a config part. */
async function definedSections(): Promise<{ file: string; name: string; section: unknown }[]> {
  const found: { file: string; name: string; section: unknown }[] = [];
  for (const file of readdirSync(SECTION_DIR).filter((name) => name.endsWith('.ts'))) {
    const module = (await import(new URL(file, SECTION_DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'shape' in value && 'read' in value && 'config' in value)
        found.push({ file, name, section: value });
    }
  }
  return found;
}

describe('the list of environment sections (schema/env.ts)', () => {
  it('lists every section defined in schema/env/, so none of its variables goes unread', async () => {
    const defined = await definedSections();
    expect(defined.length).toBeGreaterThan(10);
    const unlisted = defined
      .filter(({ section }) => !(ENV_SECTIONS as readonly unknown[]).includes(section))
      .map(({ file, name }) => `${file}: ${name}`);
    expect(unlisted).toEqual([]);
    expect(new Set(ENV_SECTIONS).size).toBe(ENV_SECTIONS.length);
  });

  it('gives each variable to one section only', () => {
    const names = ENV_SECTIONS.flatMap((section) => Object.keys(section.shape));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(Object.keys(envShape).sort()).toEqual([...names].sort());
  });

  it('builds the configuration from every section, no two giving the same key', () => {
    const config = loadConfig({});
    const fields = Object.assign(
      {},
      ...ENV_SECTIONS.map((section) => {
        const read = section.read({});
        return read.ok ? read.fields : expect.unreachable(`${read.problems[0]?.key} has no default`);
      }),
    );
    const parts = ENV_SECTIONS.flatMap((section) => Object.keys(section.config(fields as never) as object));
    expect(parts.filter((key, index) => parts.indexOf(key) !== index)).toEqual([]);
    expect(Object.keys(config).sort()).toEqual([...parts].sort());
  });
});
