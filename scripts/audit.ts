import { spawnSync } from 'node:child_process';
import { judgeAudit } from './judge-audit.js';

/**
 * CI step: `npm audit --omit=dev --audit-level=high`, judged by judgeAudit. Exit 1 on high or
 * critical advisories in production dependencies (or a broken audit); exit 0 with a clear notice
 * when the registry offers no audit endpoint (offline mirror), so a network gap never fails CI.
 */
const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1_048_576 });
const result = judgeAudit(run.stdout ?? '');
if (result.verdict === 'unreachable') process.stdout.write(`NOTICE (not checked): ${result.message}\n`);
else process.stdout.write(`${result.message}\n`);
process.exit(result.verdict === 'fail' ? 1 : 0);
