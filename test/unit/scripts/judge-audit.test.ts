import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../../scripts/judge-audit.js';

/** Shapes npm 10 prints for `npm audit --json` (the error ones captured from this machine's npm). */
const report = (vulnerabilities: Record<string, { severity: string }>, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: { prod: 120 } },
  });

describe('judgeAudit', () => {
  it('passes a clean report', () => {
    expect(judgeAudit(report({}, {}))).toMatchObject({ verdict: 'pass' });
  });

  it('passes a report with only moderate and low advisories', () => {
    expect(judgeAudit(report({ qs: { severity: 'moderate' }, ms: { severity: 'low' } }, { moderate: 1, low: 1, total: 2 }))).toMatchObject({
      verdict: 'pass',
    });
  });

  it('fails on a high or critical advisory and names the packages', () => {
    const result = judgeAudit(
      report(
        { jose: { severity: 'critical' }, express: { severity: 'high' }, qs: { severity: 'low' } },
        { critical: 1, high: 1, low: 1, total: 3 },
      ),
    );
    expect(result.verdict).toBe('fail');
    expect(result.message).toBe('npm audit: 1 critical, 1 high: jose (critical), express (high)');
  });

  it.each([
    [
      'a registry without the audit API (405)',
      {
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        method: 'POST',
        statusCode: 405,
        error: { summary: '', detail: '' },
      },
    ],
    [
      'a refused connection',
      {
        message: 'request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:9',
        error: { summary: '', detail: '' },
      },
    ],
    [
      'no DNS',
      {
        message:
          'request to http://nonexistent.invalid/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND nonexistent.invalid',
        error: { summary: '', detail: '' },
      },
    ],
  ])('reports %s as unreachable, not as a failure', (_name, json) => {
    const result = judgeAudit(JSON.stringify(json));
    expect(result.verdict).toBe('unreachable');
    expect(result.message).toMatch(/^npm audit could not reach the advisory endpoint, so nothing was checked: /);
  });

  it('reports a refusal on one line, whatever npm printed', () => {
    const result = judgeAudit(
      JSON.stringify({
        statusCode: 403,
        message: 'Forbidden -\nPOST https://mirror.example/-/npm/v1/security/advisories/bulk',
        error: { summary: 'audit\r\nrefused', detail: '' },
      }),
    );
    expect(result.verdict).toBe('unreachable');
    expect(result.message).not.toMatch(/[\r\n]/);
    expect(result.message).toMatch(/Forbidden - POST https:\/\/mirror\.example\/.* audit refused$/);
  });

  it.each([
    ['no output at all', ''],
    [
      'a missing lock file',
      JSON.stringify({ error: { code: 'EAUDITNOLOCK', summary: 'Neither npm-shrinkwrap.json nor package-lock.json found', detail: '' } }),
    ],
  ])('fails on %s rather than passing silently', (_name, stdout) => {
    expect(judgeAudit(stdout).verdict).toBe('fail');
  });
});
