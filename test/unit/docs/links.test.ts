import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugOf(m[1] as string)));
}

/** Relative links of a markdown file (outside code), as `[file, anchor]`. */
function linksOf(file: string): { target: string; anchor: string | undefined; raw: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((link) => !/^[a-z]+:/i.test(link))
    .map((raw) => {
      const [path, anchor] = raw.split('#') as [string, string | undefined];
      const target = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), path));
      return { target, anchor, raw };
    });
}

describe('links in the README and docs/', () => {
  it('finds the docs', () => {
    expect(DOCS.length).toBeGreaterThan(5);
  });

  it.each(DOCS)('%s: every relative link resolves, anchors included', (file) => {
    const broken = linksOf(file).filter(
      ({ target, anchor }) =>
        !existsSync(join(ROOT, target)) || (anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor)),
    );
    expect(broken.map((b) => b.raw)).toEqual([]);
  });

  it('points code comments only at sections of docs/ that exist (`docs/<file>.md#<anchor>`)', () => {
    const code = ['src', 'schema', 'webhooks', 'workers', 'scripts', 'test'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    );
    const broken = code.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)]
        .filter((m) => !existsSync(join(ROOT, 'docs', m[1] as string)) || !anchorsOf(`docs/${m[1] as string}`).has(m[2] as string))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(broken).toEqual([]);
  });

  it('keeps the README a front door', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(150);
  });
});
