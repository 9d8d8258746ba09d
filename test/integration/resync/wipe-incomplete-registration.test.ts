import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SlaRecord } from '../../../src/domain/reports/sla-record.js';
import { createRedis } from '../../../src/redis/connection.js';
import { urlTarget } from '../../../src/redis/redis-target.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { ScenarioReportSchema } from '../../../src/scenario/report.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const scenarioFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as { steps: unknown[] };

/**
 * `registration-incomplete-resumes-on-note` with the worker's Redis wiped (every key of the run's
 * prefix; the shared Redis is never flushed) at 12:00Z, while the request waits for the customer's
 * reply: the ask at 09:00Z and the reply at 15:00Z lie on either side. The cold start must
 * recover the registration from the ask note's marker (not take the request for one first line
 * never saw), resume it on the reply, and keep the 6 business hours paused as `incomplete_request`.
 */
describe('a Redis wiped while a registration waits for the customer', () => {
  it('ends with the undisturbed report, each note once, and the pause still for an incomplete request', async () => {
    const scenario = scenarioFile('registration-incomplete-resumes-on-note.json') as { config?: Record<string, string>; steps: unknown[] };
    const [create, reply, end] = scenario.steps;
    const expected = ScenarioReportSchema.parse(scenarioFile('registration-incomplete-resumes-on-note.expected.json'));
    let markers: string[] = [];
    let records: SlaRecord[] = [];
    const report = await runScenario(
      { config: scenario.config ?? {}, steps: [create, { at: '2026-03-25T12:00:00Z', wipe: true }, reply, end] },
      {
        redisUrl: TEST_REDIS_URL,
        logger: createLogCapture('warn').logger,
        onFinish: async ({ redisUrl, prefix, sim }) => {
          const request = [...sim.store.requests.values()][0];
          const texts = (request?.noteIds ?? [])
            .map((id) => sim.store.notes.get(id))
            .filter((n) => n?.personId === sim.demo.apiUserId)
            .map((n) => n?.text ?? '');
          markers = texts.flatMap((text) => text.match(/\[xsw:[^\]]+\]/g) ?? []).map((m) => m.replace(request?.id ?? '?', 'ID'));
          const connection = createRedis(urlTarget(redisUrl), 'worker', 'xsw-test');
          records = (await createReportStore(connection, prefix, 400, createLogCapture().logger).readUntil(Number.MAX_SAFE_INTEGER))
            .records;
          connection.disconnect();
        },
      },
    );
    expect(report.requests).toEqual(expected.requests);
    // Start note with first line's internal note, the ask, and the completion: each written once.
    // The ask is no response (§3.2, a person's): nobody responds, so the response warns and breaches (each once).
    expect([...markers].sort()).toEqual(
      [
        '[xsw:facts:ID:1]',
        '[xsw:facts:ID:2]',
        '[xsw:incomplete-internal:ID]',
        '[xsw:incomplete:ID]',
        '[xsw:registration-complete:ID]',
        '[xsw:start:ID]',
        '[xsw:esc:ID:response:warning]',
        '[xsw:esc:ID:response:service_support_manager]',
      ].sort(),
    );
    // Wed 25 March 10:00–16:00 CET, within support hours: 6 business hours, all for the incomplete registration.
    expect(records.find((r) => r.target === 'resolution')).toMatchObject({
      pausedBusinessMs: 6 * 3_600_000,
      pausedByReason: { incomplete_request: 6 * 3_600_000 },
    });
  }, 60_000);
});
