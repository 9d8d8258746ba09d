import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describeKnownBad, findKnownBad, lockedPackages, type KnownBadList } from './check-known-bad.js';
import { judgeAudit } from './judge-audit.js';

/**
 * CI step, two checks, one line each:
 * 1. package-lock.json against the committed list of known-malicious versions
 *    (scripts/known-bad-packages.json), offline; any hit fails.
 * 2. `npm audit --omit=dev --audit-level=high`, judged by judgeAudit: high or critical advisories in
 *    production dependencies (or a broken audit) fail; a registry that refuses the audit endpoint
 *    (offline mirror) is one NOTICE line and does not fail, so a network gap never fails CI.
 */
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Parameters<typeof findKnownBad>[0];
const list = JSON.parse(readFileSync(new URL('./known-bad-packages.json', import.meta.url), 'utf8')) as KnownBadList;
const findings = findKnownBad(lock, list);
process.stdout.write(`${describeKnownBad(findings, list, lockedPackages(lock).length)}\n`);

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1_048_576 });
const result = judgeAudit(run.stdout ?? '');
if (result.verdict === 'unreachable') process.stdout.write(`NOTICE (not checked): ${result.message}\n`);
else process.stdout.write(`${result.message}\n`);
process.exit(result.verdict === 'fail' || findings.length > 0 ? 1 : 0);
