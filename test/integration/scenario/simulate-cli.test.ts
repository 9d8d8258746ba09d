import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioReportSchema } from '../../../src/scenario/report.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

/**
 * Runs the CLI as `npm run --silent simulate` does, in its own process. Starting tsx and the pipeline is
 * most of its time, and slow beside other test files on a loaded machine: 60 s per run and per test.
 */
const RUN_MS = 60_000;
function simulate(scenario: unknown): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'simulate-')), 'scenario.json');
  writeFileSync(file, typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main-simulate.ts', file], {
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL },
    timeout: RUN_MS,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run simulate', () => {
  it(
    'prints one JSON report on stdout and nothing else',
    async () => {
      const description =
        'Calendar sync fails. Steps to reproduce: 1. open the calendar; 2. add an appointment; 3. it never reaches the phone.';
      const { code, stdout } = await simulate({
        config: { RESOLUTION_CLOCK_START: 'created' },
        steps: [{ at: '2026-03-27T15:00:00Z', create: { ref: 'r1', impact: 'high', serviceInstance: 'Mail', description } }],
      });
      expect(code).toBe(0);
      const report = ScenarioReportSchema.parse(JSON.parse(stdout));
      expect(report.requests['r1']).toMatchObject({
        priority: 'high',
        responseDue: '2026-03-30T14:00:00Z',
        resolutionDue: '2026-03-31T14:00:00Z',
        notes: 1,
      });
    },
    RUN_MS,
  );

  it.each([
    ['a bad field', { steps: [{ at: '2026-03-27T15:00:00Z', update: { ref: 'r1', impact: 'huge' } }] }, /steps\.0\.update\.impact/],
    [
      'an unknown request',
      { steps: [{ at: '2026-03-27T15:00:00Z', update: { ref: 'r9', status: 'in_progress' } }] },
      /update\.ref: no request "r9"/,
    ],
    [
      'a bad config value',
      { config: { SLA_WARNING_PERCENT: 'lots' }, steps: [{ at: '2026-03-27T15:00:00Z' }] },
      /config: .*SLA_WARNING_PERCENT/s,
    ],
  ])(
    'exits 2 for %s, naming it',
    async (_label, scenario, message) => {
      const { code, stdout, stderr } = await simulate(scenario);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(code).toBe(2);
    },
    RUN_MS,
  );
});
