import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type ExpectStatic } from 'vitest';
import { ScenarioReportSchema, type ScenarioReport } from '../../../src/scenario/report.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .map((f) => basename(f, '.json'))
  .sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const expectedOf = (name: string): ScenarioReport => ScenarioReportSchema.parse(read(`${name}.expected.json`));

/**
 * How many more GraphQL calls than the fully coalesced count a run may make: each step's and each
 * worker write's webhook burst (update + status-changed, update + note-added) may coalesce into
 * one reconcile or, when the first is already running, two (BullMQ keepLastIfActive).
 */
function callSlack(scenario: unknown, report: ScenarioReport): number {
  const steps = (scenario as { steps: { problem?: unknown }[] }).steps;
  // A problem update fires two problem webhooks (update, status-changed), each read on its own.
  const problemSteps = steps.filter((step) => step.problem !== undefined).length;
  return steps.length + 2 * problemSteps + Object.values(report.requests).reduce((sum, r) => sum + r.notes, 0);
}

async function run(name: string): Promise<{ scenario: unknown; report: ScenarioReport }> {
  const scenario = read(`${name}.json`);
  const report = await runScenario(scenario, { redisUrl: TEST_REDIS_URL, logger: createLogCapture('warn').logger });
  return { scenario, report };
}

function expectMatches(name: string, scenario: unknown, report: ScenarioReport, expect: ExpectStatic): void {
  const expected = expectedOf(name);
  expect(ScenarioReportSchema.parse(report)).toEqual({ ...expected, xurrentCalls: report.xurrentCalls });
  expect(report.xurrentCalls).toBeGreaterThanOrEqual(expected.xurrentCalls);
  expect(report.xurrentCalls).toBeLessThanOrEqual(expected.xurrentCalls + callSlack(scenario, report));
}

describe('scenarios through the real pipeline (test/scenarios)', () => {
  it('has at least ten scenarios, each with its expected report', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(() => expectedOf(name), name).not.toThrow();
  });

  // Each run has its own simulator, Redis prefix and virtual clock, so they run side by side: most of a
  // run is waiting for the pipeline to settle (vitest's maxConcurrency, 5 at a time).
  for (const name of names) {
    it.concurrent(
      name,
      async ({ expect }) => {
        const { scenario, report } = await run(name);
        expectMatches(name, scenario, report, expect);
      },
      60_000,
    );
  }

  it('duplicate and out-of-order webhooks leave the same requests as clean delivery', () => {
    const clean = expectedOf('response-by-status-change').requests;
    expect(expectedOf('duplicate-webhooks').requests).toEqual(clean);
    expect(expectedOf('out-of-order-webhooks').requests).toEqual(clean);
  });
});
