import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaReportJson } from '../../../src/reports/report-json.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { ADMIN, SEED, reportsApp, seedReportStore } from '../../helpers/report-seed.js';

const prefix = uniquePrefix('reports');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const log = createLogCapture();
const app = reportsApp(redis, prefix, log.logger);
const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;

beforeAll(async () => {
  await seedReportStore(createReportStore(redis, prefix, 400, log.logger));
});
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

describe('GET /reports/sla', () => {
  it('answers the seeded March figures as JSON', async () => {
    const res = await request(app).get('/reports/sla?from=2026-03-01&to=2026-03-31').set('Authorization', auth);
    expect(res.status).toBe(200);
    const body = res.body as SlaReportJson;
    expect(body.period).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', asOf: '2026-04-05T10:00:00.000Z' });
    expect(body.priorities.map((p) => [p.priority, p.goalMet])).toEqual([
      ['top', false],
      ['high', true],
      ['medium', false],
      ['low', null],
    ]);
    expect(body.breaches).toEqual([
      expect.objectContaining({
        requestId: 't2',
        target: 'resolution',
        lateByMinutes: 90,
        reason: 'status at due: waiting_for',
        due: '2026-03-10T13:00:00.000Z',
      }),
      expect.objectContaining({ requestId: 'm1', target: 'response', lateByMinutes: 30 }),
    ]);
    expect(body.registered).toEqual({ incident: 4, rfi: 2, rfc: 1, other: 0 });
    // Paused resolution time by reason, per priority and in total (hand-computed in report-seed.ts).
    expect(body.priorities.map((p) => p.pausedBusinessMinutes)).toEqual([
      { incompleteRequest: 0, waitingForCustomer: 0, other: 0 },
      { incompleteRequest: 120, waitingForCustomer: 0, other: 0 },
      { incompleteRequest: 0, waitingForCustomer: 90, other: 0 },
      { incompleteRequest: 0, waitingForCustomer: 0, other: 0 },
    ]);
    expect(body.pausedBusinessMinutes).toEqual({ incompleteRequest: 120, waitingForCustomer: 90, other: 0 });
    expect(body.problems).toEqual({
      opened: 2,
      byReason: { top_incident: 2, repeated_incidents: 0, customer_request: 0 },
      rca: { due: 1, overdue: 0, done: 1 },
    });
    expect(body.topIncidents.map((t) => [t.requestId, t.rcaStatus])).toEqual([
      ['t1', 'done'],
      ['t2', 'due'],
    ]);
  });

  it('defaults to the previous calendar month', async () => {
    const res = await request(app).get('/reports/sla').set('Authorization', auth);
    const body = res.body as SlaReportJson;
    expect(body.period.from).toBe('2026-02-28T23:00:00.000Z');
    expect(body.registered.incident).toBe(SEED.requests.filter((r) => r.kind === 'incident').length);
  });

  it.each([
    ['from=2026-13-01&to=2026-03-31', 'from'],
    ['from=2026-03-01&to=yesterday', 'to'],
    ['from=2026-03-01', 'to'],
    ['to=2026-03-01', 'from'],
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['from=2026-03-01&from=2026-03-02&to=2026-03-31', 'from'],
  ])('answers 400 naming the bad parameter (%s)', async (query, parameter) => {
    const res = await request(app).get(`/reports/sla?${query}`).set('Authorization', auth);
    expect(res.status).toBe(400);
    expect((res.body as { parameter: string }).parameter).toBe(parameter);
  });

  it('answers 401 without credentials', async () => {
    expect((await request(app).get('/reports/sla')).status).toBe(401);
    expect((await request(app).get('/dashboard')).status).toBe(401);
    expect((await request(app).get('/dashboard/assets/chart.umd.min.js')).status).toBe(401);
  });
});

describe('GET /dashboard', () => {
  it('renders the tiles and tables with a strict CSP and no other origin', async () => {
    const res = await request(app).get('/dashboard?from=2026-03-01&to=2026-03-31').set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.text).toMatch(/data-tile="response"><span class="label">[^<]+<\/span><span class="value">75 %/);
    expect(res.text).not.toMatch(/https?:\/\//);
    expect(res.text).not.toMatch(/<script>|style="/);
  });

  it('serves chart.js and its own script from this origin', async () => {
    const chart = await request(app).get('/dashboard/assets/chart.umd.min.js').set('Authorization', auth);
    expect(chart.status).toBe(200);
    expect(chart.headers['content-type']).toMatch(/javascript/);
    expect(chart.text).toContain('Chart');
    const own = await request(app).get('/dashboard/assets/dashboard.js').set('Authorization', auth);
    expect(own.status).toBe(200);
    expect((await request(app).get('/dashboard/assets/../package.json').set('Authorization', auth)).status).toBe(404);
  });
});
