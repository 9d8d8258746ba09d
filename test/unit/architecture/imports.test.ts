import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

/** Resolves a relative import to a repo-relative path, or returns the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(ROOT, join(ROOT, file, '..', spec));
}

describe('import direction (webhooks → queue → workers → domain → Xurrent client)', () => {
  it('keeps src/domain pure: only luxon, date-holidays and its own files; no clock, no environment', () => {
    const offences: string[] = [];
    for (const file of sourceFiles('src/domain')) {
      for (const spec of importsOf(file)) {
        const to = target(file, spec);
        const allowed = to.startsWith('src/domain') || ['luxon', 'date-holidays'].includes(spec);
        if (!allowed) offences.push(`${file} imports ${spec}`);
      }
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const banned of ['process.env', 'Date.now(', 'new Date()', 'DateTime.now(', 'DateTime.local()', 'Math.random(']) {
        if (text.includes(banned)) offences.push(`${file} uses ${banned}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps webhooks/ away from workers and the Xurrent client', () => {
    const offences = sourceFiles('webhooks').flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((to) => to.startsWith('workers') || to.startsWith('src/xurrent') || to.startsWith('src/runtime'))
        .map((to) => `${file} imports ${to}`),
    );
    expect(offences).toEqual([]);
  });

  it('keeps the HTTP surface (src/http) below the composition root: no runtime, no workers', () => {
    const offences = sourceFiles('src/http').flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((to) => to.startsWith('workers') || to.startsWith('src/runtime'))
        .map((to) => `${file} imports ${to}`),
    );
    expect(offences).toEqual([]);
  });

  it('keeps webhooks/ the Xurrent receiver only: the app, health and admin pages live in src/http', () => {
    const offences = sourceFiles('webhooks').flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((to) => to.startsWith('src/http') || to === 'helmet' || to.startsWith('@bull-board'))
        .map((to) => `${file} imports ${to}`),
    );
    expect(offences).toEqual([]);
  });

  it('keeps workers/ away from webhooks', () => {
    const offences = sourceFiles('workers').flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((to) => to.startsWith('webhooks') || to.startsWith('src/runtime'))
        .map((to) => `${file} imports ${to}`),
    );
    expect(offences).toEqual([]);
  });

  it('reads process.env only in entrypoints and the CLI', () => {
    const allowed = /^(src\/main[-\w]*\.ts|src\/runtime\/bootstrap\.ts|src\/config\.ts|src\/cli\/main\.ts)$/;
    const offences = ['src', 'webhooks', 'workers', 'schema']
      .flatMap(sourceFiles)
      .filter((file) => !allowed.test(file) && readFileSync(join(ROOT, file), 'utf8').includes('process.env'));
    expect(offences).toEqual([]);
  });

  it('keeps schema/ free of runtime code: only zod, node built-ins, the domain parsers and its own files', () => {
    const offences = sourceFiles('schema').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec !== 'zod' && !spec.startsWith('node:') && !target(file, spec).startsWith('schema') && !target(file, spec).startsWith('src/domain'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('opens every Redis connection through src/redis/connection.ts, so Sentinel settings reach each one', () => {
    const offences: string[] = [];
    for (const file of ['src', 'workers', 'webhooks', 'scripts'].flatMap(sourceFiles)) {
      // The factory, and its Sentinel watch (connections to the Sentinels themselves, not to Redis data).
      if (file === join('src', 'redis', 'connection.ts') || file === join('src', 'redis', 'sentinel-switch.ts')) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      // A Redis made elsewhere, or a BullMQ connection given as options (BullMQ would build its own client).
      if (/new (?:Redis|IORedis|Cluster)\(|connection:\s*\{/.test(text)) offences.push(file);
    }
    expect(offences).toEqual([]);
  });
});
