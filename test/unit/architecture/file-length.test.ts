import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAX_LINES = 250;
// Code the project writes; recorded fixtures and scenario files are data, kept as recorded.
const DIRS = ['src', 'webhooks', 'workers', 'schema', 'scripts', 'test', 'bin', 'public'];
const SKIPPED = ['test/fixtures/', 'test/scenarios/', 'test/artifacts/'];

function codeFiles(): string[] {
  return DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => `${dir}/${f}`)
      .filter((f) => /\.(ts|js|css)$/.test(f) && !SKIPPED.some((s) => f.startsWith(s))),
  );
}

describe('file length (issue 20: small files with one job each)', () => {
  it(`keeps every source, test and script file at ${MAX_LINES} lines or fewer`, () => {
    const files = codeFiles();
    expect(files.length).toBeGreaterThan(300);
    const long = files
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
