import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SlaReportJson } from '../../../src/reports/report-json.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const scenario = JSON.parse(readFileSync(new URL('../../fixtures/review/two-customers.json', import.meta.url), 'utf8')) as unknown;

describe("simulate --review: the review of a scenario's whole period", () => {
  it("two customers: Acme's Top incident within target and its 2 h disruption, Globex's High breached at its resolution due", async () => {
    const report = await runScenario(scenario, { redisUrl: TEST_REDIS_URL, logger: createLogCapture('warn').logger, review: true });
    const review = report.review as SlaReportJson;
    // From the first step to just after the last, as of the last.
    expect(review.period).toEqual({ from: '2026-03-02T08:00:00.000Z', to: '2026-03-04T12:00:00.001Z', asOf: '2026-03-04T12:00:00.000Z' });
    // Top: responded 08:20Z (due 09:00Z), completed 10:00Z (due 12:00Z): 1 of 1. High: resolution due
    // Wed 08:00Z (18 business hours from Mon 09:00 CET), still open at 12:00Z: missed, 0 of 1.
    expect(review.goals.map((g) => [g.name, g.requests, g.withinTarget, g.percent, g.met])).toEqual([
      ['top', 1, 1, 100, true],
      ['low_medium_high', 1, 0, 0, false],
    ]);
    expect(review.customers.map((c) => [c.customer?.id, c.breaches, c.goals.map((g) => g.requests)])).toEqual([
      ['acme', 0, [1, 0]],
      ['globex', 1, [0, 1]],
    ]);
    expect(review.breaches.map((b) => [b.number, b.target, b.due, b.lateByMinutes])).toEqual([
      ['2', 'resolution', '2026-03-04T08:00:00.000Z', 240],
    ]);
    // §3.1 for Acme: down 08:00Z–10:00Z (registration to resolution, no downtime fields) = 120 office minutes of
    // 1 320 in the period (Mon 09:00–17:30, Tue 08:30–17:30, Wed 08:30–13:00 CET): 90.909 %, below 99.5; 1 interruption.
    const acme = review.integrationServiceAvailability?.find((m) => m.customer?.id === 'acme');
    expect(acme).toMatchObject({
      month: '2026-03',
      deployment: 'cloud',
      officeHours: { percent: 90.909, downMinutes: 120, met: false },
      interruptions: { count: 1, met: true },
    });
    expect(acme?.disruptions.map((d) => d.source)).toEqual(['registration_to_resolution']);
    expect(review.integrationServiceAvailability?.find((m) => m.customer?.id === 'globex')).toMatchObject({
      officeHours: { percent: 100 },
      interruptions: { count: 0 },
    });
  }, 120_000);
});
