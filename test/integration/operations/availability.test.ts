import { PassThrough } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAvailabilityReport } from '../../../src/availability/read-availability.js';
import { createUptimeStore } from '../../../src/availability/uptime-store.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { loadConfig } from '../../../src/config.js';
import { ms } from '../../helpers/calendar.js';
import { startWebOnly } from '../../helpers/ops-service.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

/**
 * A seeded heartbeat history, Europe/Amsterdam (CEST, +02:00, all of July–October before the 25th),
 * office hours Mon–Fri 08:30–17:30. Each series is up outside its outages; a run's last beat is 30 s
 * (one sample) before the outage starts, so the outage is exactly [start, end).
 */
const SAMPLE_MS = 30_000;
const MIN = 60_000;
const t = (local: string) => ms(`${local}:00+02:00`);
const HISTORY_FROM = t('2026-07-01T00:00');
const NOW = t('2026-10-10T12:00');
const ALL = ['web', 'worker', 'readiness'] as const;
const OUTAGES: { series: readonly string[]; from: number; to: number }[] = [
  // O1 across the July/August boundary (Fri 23:50 → Sat 00:20): 20 min of August, outside office hours.
  { series: ALL, from: t('2026-07-31T23:50'), to: t('2026-08-01T00:20') },
  // O2 Tue 4 Aug 10:00–10:30, workers only: 30 min in office hours.
  { series: ['worker'], from: t('2026-08-04T10:00'), to: t('2026-08-04T10:30') },
  // O3 Sat 8 Aug 01:00–03:00, readiness only: 120 min outside.
  { series: ['readiness'], from: t('2026-08-08T01:00'), to: t('2026-08-08T03:00') },
  // O4 Mon 10 Aug 17:00–18:00 across closing time, web down (so readiness too): 30 in, 30 outside.
  { series: ['web', 'readiness'], from: t('2026-08-10T17:00'), to: t('2026-08-10T18:00') },
  // O5 Wed 12 Aug: workers 12:00–12:10 and readiness 12:05–12:20 overlap into one 20-min interruption.
  { series: ['worker'], from: t('2026-08-12T12:00'), to: t('2026-08-12T12:10') },
  { series: ['readiness'], from: t('2026-08-12T12:05'), to: t('2026-08-12T12:20') },
  // O6 across the August/September boundary, Mon 31 Aug 17:00 → Tue 1 Sep 09:00, everything down:
  // August 17:00–17:30 in (30) + 17:30–24:00 outside (390); September 00:00–08:30 outside (510) + 08:30–09:00 in (30).
  { series: ALL, from: t('2026-08-31T17:00'), to: t('2026-09-01T09:00') },
  // O7 Thu 10 Sep 09:00–10:00, workers only: 60 min in office hours.
  { series: ['worker'], from: t('2026-09-10T09:00'), to: t('2026-09-10T10:00') },
];
// A readiness run that ends at 10:00:00 with the next starting one sample later: no outage.
const SEAMLESS = t('2026-08-13T10:00');

const prefix = uniquePrefix('availability');
const redis = new Redis(TEST_REDIS_URL);
const config = (deployment: 'cloud' | 'on_premise') =>
  loadConfig({ QUEUE_PREFIX: prefix, DEPLOYMENT: deployment, SUPPORT_TIMEZONE: 'Europe/Amsterdam', SUPPORT_HOURS: 'Mon-Fri 08:30-17:30' });

beforeAll(async () => {
  const store = createUptimeStore(redis, prefix, 400);
  for (const series of ALL) {
    const gaps = OUTAGES.filter((o) => o.series.includes(series)).sort((a, b) => a.from - b.from);
    const breaks =
      series === 'readiness'
        ? [...gaps, { series: [series], from: SEAMLESS + SAMPLE_MS, to: SEAMLESS + SAMPLE_MS }].sort((a, b) => a.from - b.from)
        : gaps;
    let start = HISTORY_FROM;
    for (const [i, gap] of [...breaks, { series: [series], from: NOW + SAMPLE_MS, to: NOW }].entries()) {
      // Beats of a run share its member: the first and the last beat are all Redis keeps.
      await store.beat(series, `host-${i}`, start, start);
      await store.beat(series, `host-${i}`, start, gap.from - SAMPLE_MS);
      start = gap.to;
    }
  }
});
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

const month = (from: string, to: string) => ({ fromMs: t(from), toMs: t(to) });

describe('availability from a seeded heartbeat history (real Redis)', () => {
  it('the last heartbeat of a series (the missing-heartbeat alert reads it through /metrics) is the latest beat of any run', async () => {
    const store = createUptimeStore(redis, prefix, 400);
    // The last run ends at the seeding's final gap, NOW + SAMPLE_MS, one sample before it: NOW.
    expect(await store.lastBeatMs('web')).toBe(NOW);
    expect(await store.lastBeatMs('nothing-beats-here')).toBeNull();
  });

  it('August: six interruptions, 110 office and 560 outside minutes down, the month-end outages clipped', async () => {
    const result = await readAvailabilityReport({
      redis,
      config: config('cloud'),
      ...month('2026-08-01T00:00', '2026-09-01T00:00'),
      nowMs: NOW,
    });
    const report = result.report!;
    // 21 working days × 540 min = 11 340 office minutes; 31 × 1 440 − 11 340 = 33 300 outside.
    expect(report.officeHours).toEqual({ upMs: (11_340 - 110) * MIN, totalMs: 11_340 * MIN, percent: 99.03 }); // 11 230 / 11 340 = 99.0300 %
    expect(report.outsideOfficeHours).toEqual({ upMs: (33_300 - 560) * MIN, totalMs: 33_300 * MIN, percent: 98.318 }); // 32 740 / 33 300
    expect(report.interruptions).toBe(6);
    expect(report.longestInterruptionMs).toBe(420 * MIN); // O6 within August: 17:00–24:00
    expect(report.outages[0]).toEqual({ fromMs: t('2026-08-01T00:00'), toMs: t('2026-08-01T00:20') });
    expect(report.outages.at(-1)).toEqual({ fromMs: t('2026-08-31T17:00'), toMs: t('2026-09-01T00:00') });
    expect(result.outageSeries).toEqual([
      ['web', 'worker', 'readiness'],
      ['worker'],
      ['readiness'],
      ['web', 'readiness'],
      ['worker', 'readiness'],
      ['web', 'worker', 'readiness'],
    ]);
    expect(result.verdict).toEqual({ officeHoursMet: false, outsideOfficeHoursMet: true, interruptionsMet: false });
  });

  it('September: the rest of the month-end outage and one more; 99.242 % meets the on-premise target only', async () => {
    const period = month('2026-09-01T00:00', '2026-10-01T00:00');
    const cloud = await readAvailabilityReport({ redis, config: config('cloud'), ...period, nowMs: NOW });
    // 22 working days × 540 = 11 880 office minutes, 90 down (30 + 60); 43 200 − 11 880 = 31 320 outside, 510 down.
    expect(cloud.report?.officeHours).toEqual({ upMs: 11_790 * MIN, totalMs: 11_880 * MIN, percent: 99.242 });
    expect(cloud.report?.outsideOfficeHours).toEqual({ upMs: 30_810 * MIN, totalMs: 31_320 * MIN, percent: 98.372 });
    expect(cloud.report?.interruptions).toBe(2);
    expect(cloud.report?.longestInterruptionMs).toBe(540 * MIN);
    expect(cloud.verdict).toEqual({ officeHoursMet: false, outsideOfficeHoursMet: true, interruptionsMet: true });
    const onPremise = await readAvailabilityReport({ redis, config: config('on_premise'), ...period, nowMs: NOW });
    expect(onPremise.verdict).toEqual({ officeHoursMet: true, outsideOfficeHoursMet: null, interruptionsMet: true });
  });

  it('the current month is measured up to now; months before the first heartbeat are not measured', async () => {
    const october = await readAvailabilityReport({
      redis,
      config: config('cloud'),
      ...month('2026-10-01T00:00', '2026-11-01T00:00'),
      nowMs: NOW,
    });
    expect(october.measured).toEqual({ fromMs: t('2026-10-01T00:00'), toMs: NOW });
    expect(october.report?.outages).toEqual([]);
    expect(october.report?.officeHours.percent).toBe(100);
    const june = await readAvailabilityReport({
      redis,
      config: config('cloud'),
      ...month('2026-06-01T00:00', '2026-07-01T00:00'),
      nowMs: NOW,
    });
    expect(june).toMatchObject({ measured: null, report: null, verdict: null });
  });

  it('GET /reports/availability?month= answers the same, behind the admin auth', async () => {
    const web = await startWebOnly(prefix, { SUPPORT_TIMEZONE: 'Europe/Amsterdam' });
    try {
      expect((await fetch(`${web.url}/reports/availability?month=2026-08`)).status).toBe(401);
      const res = await fetch(`${web.url}/reports/availability?month=2026-08`, { headers: web.auth });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        month: '2026-08',
        period: { from: '2026-07-31T22:00:00.000Z', to: '2026-08-31T22:00:00.000Z' },
        deployment: 'cloud',
        officeHours: { percent: 99.03, target: 99.5, met: false, downSeconds: 110 * 60, totalSeconds: 11_340 * 60 },
        outsideOfficeHours: { percent: 98.318, target: 95, met: true, downSeconds: 560 * 60 },
        interruptions: { count: 6, max: 3, met: false },
        longestInterruptionSeconds: 420 * 60,
      });
      expect((body['outages'] as unknown[])[1]).toEqual({
        from: '2026-08-04T08:00:00.000Z',
        to: '2026-08-04T08:30:00.000Z',
        seconds: 1_800,
        down: ['worker'],
      });
      // The dashboard's tile shows the same figures for the same period (dates in the support zone).
      const dashboard = await (await fetch(`${web.url}/dashboard?from=2026-08-01&to=2026-08-31`, { headers: web.auth })).text();
      expect(dashboard).toMatch(/data-tile="availability">.*99\.03 % · 6 interruptions/s);
      expect((await fetch(`${web.url}/reports/availability?month=2026-8`, { headers: web.auth })).status).toBe(400);
      expect((await fetch(`${web.url}/reports/availability?month=2099-01`, { headers: web.auth })).status).toBe(400);
    } finally {
      await web.stop();
    }
  });

  it('cli report availability --month prints the same figures', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const env = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, SUPPORT_TIMEZONE: 'Europe/Amsterdam', DEPLOYMENT: 'on_premise' };
    const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env };
    expect(await runCli(['report', 'availability', '--month', '2026-09', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      month: '2026-09',
      deployment: 'on_premise',
      officeHours: { percent: 99.242, target: 97.5, met: true },
      interruptions: { count: 2 },
    });
    out = '';
    expect(await runCli(['report', 'availability', '--month', '2026-09'], io)).toBe(0);
    expect(out).toMatch(/office hours\s+99\.242 %\s+target 97\.5 %\s+met/);
    expect(out).toMatch(/interruptions\s+2\s+at most 3\s+met/);
    // Times in the support zone, as the dashboard shows them (the JSON keeps ISO instants).
    expect(out).toMatch(/2026-09-01 00:00\s+2026-09-01 09:00\s+540 min\s+web, worker, readiness/);
  });
});

describe('heartbeats of a running service', () => {
  it('a web process beats for web and for /readyz, not for workers it does not run', async () => {
    const own = uniquePrefix('beats');
    const web = await startWebOnly(own);
    try {
      const started = Date.now();
      const store = createUptimeStore(redis, own, 400);
      const seen = async (series: string) => (await store.runs(series, started - 60_000, Date.now() + 60_000)).length;
      for (let i = 0; i < 100 && ((await seen('web')) === 0 || (await seen('readiness')) === 0); i += 1)
        await new Promise((r) => setTimeout(r, 20));
      expect(await seen('web')).toBe(1);
      expect(await seen('readiness')).toBe(1);
      expect(await seen('worker')).toBe(0);
      expect(await store.firstBeatMs()).toBeGreaterThanOrEqual(started - 5_000);
    } finally {
      await web.stop();
      await deleteKeys(own);
    }
  });
});
