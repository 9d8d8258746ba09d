import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      if (req.url?.includes('/-/npm/v1/security/advisories/bulk') && typeof answer !== 'number') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      res.writeHead(typeof answer === 'number' ? answer : 404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Runs the CI step (`npm run audit:prod`'s script) against the fake registry, without blocking its server. */
function runAuditStep(registry: string): Promise<{ code: number; stdout: string }> {
  cache = mkdtempSync(join(tmpdir(), 'xsw-audit-cache-'));
  const env = { ...process.env, npm_config_registry: registry, npm_config_cache: cache, npm_config_audit: 'true' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/audit.ts'], { env, timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

const advisory = (severity: string) => ({ id: 1_099_999, url: 'https://github.com/advisories/GHSA-test', title: 'Test advisory', severity, vulnerable_versions: '<99.0.0', cwe: ['CWE-400'], cvss: { score: 7.5, vectorString: null } });

describe('CI audit step (npm audit --omit=dev through scripts/audit.ts)', () => {
  it('fails on a high advisory for a production dependency and names it', { timeout: 60_000 }, async () => {
    // jose: a production dependency nothing else depends on, so npm names it alone.
    const result = await runAuditStep(await fakeRegistry({ jose: [advisory('high')] }));
    expect(result).toEqual({ code: 1, stdout: 'npm audit: 0 critical, 1 high: jose (high)\n' });
  });

  it('passes when the only advisory is moderate', { timeout: 60_000 }, async () => {
    const result = await runAuditStep(await fakeRegistry({ express: [advisory('moderate')] }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^npm audit: no high or critical advisories/);
  });

  it('reports a registry without the audit endpoint as not checked, and does not fail', { timeout: 60_000 }, async () => {
    const result = await runAuditStep(await fakeRegistry(405));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NOTICE \(not checked\): npm audit could not reach the advisory endpoint/);
  });
});
