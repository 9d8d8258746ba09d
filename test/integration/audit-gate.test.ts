import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** The advisory answer of a fake registry: its bulk endpoint, or a status for a registry without one. */
type BulkAnswer = Record<string, unknown[]> | number;

let server: Server | undefined;
/** A private npm cache per run: npm caches advisories, and fake ones must not reach the shared cache. */
let cache: string | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  if (cache) rmSync(cache, { recursive: true, force: true });
  cache = undefined;
});

async function fakeRegistry(answer: BulkAnswer): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.includes('/-/npm/v1/security/advisories/bulk') && typeof answer !== 'number')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      res.writeHead(typeof answer === 'number' ? answer : 404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/**
 * Runs the CI step (`npm run audit:prod`'s script) against the fake registry, without blocking its
 * server; in `cwd` (a project of its own) when given, else in the repository.
 */
function runAuditStep(registry: string, cwd?: string): Promise<{ code: number; stdout: string }> {
  cache = mkdtempSync(join(tmpdir(), 'xsw-audit-cache-'));
  const env = { ...process.env, npm_config_registry: registry, npm_config_cache: cache, npm_config_audit: 'true' };
  const args = ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../../scripts/audit.ts', import.meta.url))];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, timeout: 60_000, ...(cwd ? { cwd } : {}) }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

/** Second line on: what npm audit concluded (the first is the known-bad versions check). */
const auditLines = (stdout: string) => stdout.split('\n').slice(1).join('\n');

const advisory = (severity: string) => ({
  id: 1_099_999,
  url: 'https://github.com/advisories/GHSA-test',
  title: 'Test advisory',
  severity,
  vulnerable_versions: '<99.0.0',
  cwe: ['CWE-400'],
  cvss: { score: 7.5, vectorString: null },
});

describe('CI audit step (npm audit --omit=dev through scripts/audit.ts)', () => {
  it('fails on a high advisory for a production dependency and names it', { timeout: 60_000 }, async () => {
    // jose: a production dependency nothing else depends on, so npm names it alone.
    const result = await runAuditStep(await fakeRegistry({ jose: [advisory('high')] }));
    expect(result.code).toBe(1);
    expect(auditLines(result.stdout)).toBe('npm audit: 0 critical, 1 high: jose (high)\n');
  });

  it('passes when the only advisory is moderate', { timeout: 60_000 }, async () => {
    const result = await runAuditStep(await fakeRegistry({ express: [advisory('moderate')] }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^known-bad versions: none of \d+ listed versions/);
    expect(auditLines(result.stdout)).toMatch(/^npm audit: no high or critical advisories/);
  });

  it('reports a registry without the audit endpoint as not checked, and does not fail', { timeout: 60_000 }, async () => {
    const result = await runAuditStep(await fakeRegistry(405));
    expect(result.code).toBe(0);
    // Two lines: the offline check, then one line saying npm audit was refused.
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^known-bad versions: none of/),
      expect.stringMatching(/^NOTICE \(not checked\): npm audit could not reach the advisory endpoint/),
    ]);
  });

  it(
    'fails on a known-bad version in the lock file even when the registry refuses the audit (issue 18 point 13)',
    { timeout: 60_000 },
    async () => {
      const project = mkdtempSync(join(tmpdir(), 'xsw-audit-project-'));
      try {
        writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', dependencies: { a: '1.0.0' } }));
        writeFileSync(
          join(project, 'package-lock.json'),
          JSON.stringify({
            name: 'p',
            version: '1.0.0',
            lockfileVersion: 3,
            requires: true,
            packages: {
              '': { name: 'p', version: '1.0.0', dependencies: { a: '1.0.0' } },
              'node_modules/a': { version: '1.0.0', dependencies: { debug: '^4.4.0' } },
              'node_modules/debug': { version: '4.4.2' },
            },
          }),
        );
        const result = await runAuditStep(await fakeRegistry(405), project);
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')[0]).toMatch(
          /^known-bad versions in package-lock\.json: debug@4\.4\.2 at node_modules\/debug \(chalk, debug/,
        );
        expect(result.stdout).toMatch(/NOTICE \(not checked\)/);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    },
  );
});
