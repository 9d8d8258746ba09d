import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaReportJson } from '../../../src/reports/report-json.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { seedReportStore } from '../../helpers/report-seed.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate } from '../../../src/simulator/request-mutations.js';
import { runCliCapture } from '../../helpers/run-cli.js';

const prefix = uniquePrefix('report-cli');
const env = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, SUPPORT_TIMEZONE: 'Europe/Amsterdam' };

async function cli(...args: string[]) {
  return cliWith(env, ...args);
}

async function cliWith(env: Record<string, string>, ...args: string[]) {
  return runCliCapture(['report', 'sla', ...args], env);
}

beforeAll(async () => {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  await seedReportStore(createReportStore(redis, prefix, 400, createLogCapture().logger));
  redis.disconnect();
});
afterAll(() => deleteKeys(prefix));

describe('cli report sla', () => {
  it('prints the seeded figures as JSON', async () => {
    const { code, out } = await cli('--from', '2026-03-01', '--to', '2026-03-31', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as SlaReportJson;
    expect(report.registered).toEqual({ incident: 4, rfi: 2, rfc: 1, other: 0 });
    expect(report.pausedBusinessMinutes).toEqual({ incompleteRequest: 120, waitingForCustomer: 90, other: 0 });
    expect(report.priorities[1]).toMatchObject({
      priority: 'high',
      pausedBusinessMinutes: { incompleteRequest: 120, waitingForCustomer: 0, other: 0 },
    });
    expect(report.breaches.map((b) => b.requestId)).toEqual(['t2', 'm1']);
    // Made today, long after p2's RCA target of 10 April 2026: overdue.
    expect(report.problems.rca).toEqual({ due: 0, overdue: 1, done: 1 });
  });

  it('prints one CSV table per --table, and a terminal table by default', async () => {
    const priorities = await cli('--from', '2026-03-01', '--to', '2026-03-31', '--format', 'csv');
    expect(priorities.out.split('\r\n').slice(0, 3)).toEqual([
      'priority,requests,response_decided,response_met,response_within_percent,resolution_decided,resolution_met,resolution_within_percent,goal_percent,goal_met,paused_incomplete_request_minutes,paused_waiting_for_customer_minutes,paused_other_minutes',
      'top,2,2,2,100,2,1,50,100,false,0,0,0',
      'high,1,1,1,100,1,1,100,80,true,120,0,0',
    ]);
    const breaches = await cli('--from', '2026-03-01', '--to', '2026-03-31', '--format', 'csv', '--table', 'breaches');
    expect(breaches.out).toContain(
      't2,T2,top,resolution,si-mail,2026-03-10T08:00:00.000Z,2026-03-10T13:00:00.000Z,2026-03-10T14:30:00.000Z,90,0,status at due: waiting_for,warning service_support_manager',
    );
    const table = await cli('--from=2026-03-01', '--to=2026-03-31');
    expect(table.out).toMatch(/^top\s+2\s+100%\s+50%\s+100%\s+not met\s+0\s+0\s+0$/m);
    expect(table.out).toMatch(/^medium\s+1\s+0%\s+100%\s+80%\s+not met\s+0\s+90\s+0$/m);
    expect(table.out).toContain('Paused (business minutes, resolution): incomplete request 120, waiting for customer 90, other 0');
    expect(table.out).toContain('Breaches: 2');
    // Dates and times in the support zone, as the dashboard shows them: T2's resolution was due 13:00Z = 14:00 CET.
    expect(table.out).toContain('SLA report 2026-03-01 .. 2026-03-31 (inclusive; times in Europe/Amsterdam)');
    expect(table.out).toMatch(/^T2\s+top\s+resolution\s+2026-03-10 14:00\s+90\s/m);
  });

  it('exits 2 naming the bad flag', async () => {
    expect(await cli('--from', '2026-03-01')).toMatchObject({ code: 2, err: expect.stringContaining('--to') });
    expect(await cli('--from', 'March', '--to', '2026-03-31')).toMatchObject({ code: 2, err: expect.stringContaining('--from') });
    expect(await cli('--format', 'xml')).toMatchObject({ code: 2, err: expect.stringContaining('--format') });
  });
});

describe('cli report sla --rebuild', () => {
  it('fills in from Xurrent the requests the records lack, once', async () => {
    const sim = await startSimulator();
    const rebuildPrefix = uniquePrefix('report-cli-rebuild');
    try {
      requestCreate(
        sim.store,
        { personId: sim.demo.customerId, changes: [] },
        { subject: 'Mail down', category: 'incident', impact: 'top' },
      );
      requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] }, { subject: 'How do I…', category: 'rfi' });
      const xurrentEnv = {
        ...env,
        QUEUE_PREFIX: rebuildPrefix,
        XURRENT_ACCOUNT: sim.account,
        XURRENT_TOKEN: sim.issueToken(),
        XURRENT_GRAPHQL_URL: sim.graphqlUrl,
      };
      // Today in the support zone, as --to is read: a UTC date is yesterday there from 23:00 UTC (22:00 in summer time) to midnight UTC.
      const today = DateTime.now().setZone('Europe/Amsterdam').toISODate() ?? '';
      const period = ['--from', '2020-01-01', '--to', today, '--format', 'json'];
      const first = await cliWith(xurrentEnv, ...period, '--rebuild');
      expect(first.err).toMatch(/2 requests read, 2 filled in/);
      // stdout is not a terminal here: progress comes as JSON lines on stderr, the last with every request read.
      const progress = first.err
        .split('\n')
        .filter((line) => line.startsWith('{"progress"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(progress.at(-1)).toMatchObject({ progress: 'requests read from Xurrent', done: 2, total: 2, etaSeconds: 0 });
      expect((JSON.parse(first.out) as SlaReportJson).registered).toMatchObject({ incident: 1, rfi: 1 });
      const again = await cliWith(xurrentEnv, ...period, '--rebuild');
      expect(again.err).toMatch(/2 requests read, 0 filled in/);
      expect(await cliWith({ ...env, XURRENT_SIMULATOR: 'off' }, '--rebuild')).toMatchObject({
        code: 1,
        err: expect.stringContaining('needs Xurrent'),
      });
    } finally {
      await sim.close();
      await deleteKeys(rebuildPrefix);
    }
  });
});
