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
  // `import x from`, `export … from`, `import('…')`, and a bare `import '…'` (side effects only).
  return [
    ...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
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

  it('keeps src/domain independent of schema/ (configuration may parse with the domain, not the other way round)', () => {
    const offences = sourceFiles('src/domain').flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((to) => to.startsWith('schema'))
        .map((to) => `${file} imports ${to}`),
    );
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
        .filter(
          (spec) =>
            spec !== 'zod' &&
            !spec.startsWith('node:') &&
            !target(file, spec).startsWith('schema') &&
            !target(file, spec).startsWith('src/domain'),
        )
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

  it('makes BullMQ queues only in the job registry (src/queue/jobs.ts openQueues), tests and tooling included', () => {
    const registry = join('src', 'queue', 'jobs.ts');
    const offences: string[] = [];
    for (const file of ['src', 'workers', 'webhooks', 'schema', 'scripts', 'bin', 'test'].flatMap(sourceFiles)) {
      if (file === registry || file === join('test', 'unit', 'architecture', 'imports.test.ts')) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      // `new Queue(`, `new Queue<T>(` or `new (await import('bullmq')).Queue(`.
      if (/new\s+(?:\([^;]*?\)\s*\.\s*)?Queue\s*[(<]/.test(text)) offences.push(file);
    }
    expect(offences).toEqual([]);
    expect(readFileSync(join(ROOT, registry), 'utf8')).toMatch(/new Queue\(/);
  });
});

/** Development-only code: the Xurrent simulator, the scenario runner, the demo and their entry points. */
const DEVELOPMENT_ONLY = ['src/simulator', 'src/scenario', 'src/demo', 'src/main-dev.ts', 'src/main-demo.ts', 'src/main-simulate.ts'];
const isDevelopmentOnly = (file: string) => DEVELOPMENT_ONLY.some((dev) => file === dev || file.startsWith(`${dev}/`));

/** The repo-relative source file an import names (`./x.js` → `x.ts`), or undefined for a package. */
function sourceOf(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const to = target(file, spec).replace(/\.js$/, '.ts');
  return statSync(join(ROOT, to), { throwIfNoEntry: false })?.isFile() ? to : undefined;
}

/** Every source file reachable from `entries` through relative imports, static or dynamic, with who imports it first. */
function importGraph(entries: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>(entries.map((entry) => [entry, '(entry point)']));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const spec of importsOf(file)) {
      const to = sourceOf(file, spec);
      if (to === undefined || seen.has(to)) continue;
      seen.set(to, file);
      queue.push(to);
    }
  }
  return seen;
}

describe('the simulator stays out of production', () => {
  // The Procfile's web and worker, the one-process main.ts, and the `xsw` bin (bin/xsw.js runs src/cli/main).
  const PRODUCTION_ENTRIES = ['src/main-web.ts', 'src/main-worker.ts', 'src/main.ts', 'src/cli/main.ts'];

  it('production entry points never reach src/simulator, src/scenario or the demo, however deep', () => {
    const graph = importGraph(PRODUCTION_ENTRIES);
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.has('src/runtime/service.ts')).toBe(true);
    const reached = [...graph].filter(([file]) => isDevelopmentOnly(file)).map(([file, by]) => `${file} (imported by ${by})`);
    expect(reached).toEqual([]);
  });

  it('no file of the production build imports development-only code, so tsc cannot pull it into dist/', () => {
    const offences = ['src', 'webhooks', 'workers', 'schema']
      .flatMap(sourceFiles)
      .filter((file) => !isDevelopmentOnly(file))
      .flatMap((file) =>
        importsOf(file)
          .map((spec) => sourceOf(file, spec))
          .filter((to): to is string => to !== undefined && isDevelopmentOnly(to))
          .map((to) => `${file} imports ${to}`),
      );
    expect(offences).toEqual([]);
  });

  it('tsconfig.build.json excludes exactly the development-only code', () => {
    const text = readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const build = JSON.parse(text) as { exclude?: string[] };
    expect([...(build.exclude ?? [])].sort()).toEqual([...DEVELOPMENT_ONLY].sort());
  });

  it('the development entry points are the ones that load the simulator', () => {
    const graph = importGraph(['src/main-dev.ts']);
    expect(graph.has('src/demo/embedded-simulator.ts')).toBe(true);
    expect(graph.has('src/simulator/index.ts')).toBe(true);
  });
});
