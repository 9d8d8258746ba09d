import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import type { ReportProblem } from '../../src/domain/reports/report-entities.js';
import { createAdminRouter } from '../../src/http/admin-router.js';
import { createRedisLoginThrottle } from '../../src/http/login-throttle-redis.js';
import type { Logger } from '../../src/logger.js';
import { createReportStore, type ReportStore } from '../../src/reports/report-store.js';
import { createSlaReports } from '../../src/reports/sla-reports.js';
import { createReportsRouter, type ReportsRouterDeps } from '../../src/http/reports/reports-router.js';
import { reportRequest, slaRecord } from './report-entities.js';
import { CONTRACT_GOALS } from '../../src/domain/sla/sla-policy.js';

export const SEED_ZONE = 'Europe/Amsterdam';
export const SEED_GOALS = CONTRACT_GOALS;
/** The report is made on 5 April 2026; the seeded period is March 2026 (Amsterdam). */
export const SEED_AS_OF_MS = Date.parse('2026-04-05T10:00:00Z');
export const ADMIN = { user: 'ssm', password: 'seeded-dashboard-password' };
/** Set beside ADMIN, as most installations do (a browser logs in with basic auth, Prometheus with the token). */
export const ADMIN_BEARER_TOKEN = 'seeded-dashboard-bearer-token';

const z = Date.parse;
const H = 3_600_000;
const rec = slaRecord;
const req = reportRequest;

/**
 * A March 2026 data set whose figures are known by hand: four incidents, eight targets, two breached
 * (t2's resolution by 90 minutes, m1's response by 30 minutes) → response 3 of 4 = 75 %, resolution
 * 3 of 4 = 75 %, Top goal not met (t2); two RFIs, one RFC; two problems (Top incidents), RCA of p1 done,
 * of p2 due (10 April, after the report instant), none overdue. Paused resolution time: h1 waited
 * 2 business hours for its incomplete registration (its due moved from Monday 16 March 08:00Z, 18 h
 * from Thursday 09:00 CET, to 10:00Z), m1 1 h 30 for the customer's answer → 120 min incomplete
 * request, 90 min other waiting for the customer, 0 other.
 */
export const SEED = {
  records: [
    rec('t1', 'top', 'response', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z', '2026-03-03T09:40:00Z'),
    rec('t1', 'top', 'resolution', '2026-03-03T09:00:00Z', '2026-03-03T13:00:00Z', '2026-03-03T12:00:00Z'),
    rec('t2', 'top', 'response', '2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z', '2026-03-10T08:20:00Z'),
    rec('t2', 'top', 'resolution', '2026-03-10T08:00:00Z', '2026-03-10T13:00:00Z', '2026-03-10T14:30:00Z', {
      breachReason: 'status at due: waiting_for',
      escalations: ['warning', 'service_support_manager'],
    }),
    rec('h1', 'high', 'response', '2026-03-12T08:00:00Z', '2026-03-12T17:00:00Z', '2026-03-12T09:00:00Z'),
    rec('h1', 'high', 'resolution', '2026-03-12T08:00:00Z', '2026-03-16T10:00:00Z', '2026-03-13T10:00:00Z', {
      pausedBusinessMs: 2 * H,
      pausedByReason: { incomplete_request: 2 * H },
    }),
    rec('m1', 'medium', 'response', '2026-03-18T08:00:00Z', '2026-03-19T16:00:00Z', '2026-03-19T16:30:00Z', {
      breachReason: 'status at due: assigned',
    }),
    rec('m1', 'medium', 'resolution', '2026-03-18T08:00:00Z', '2026-03-24T08:00:00Z', '2026-03-20T12:00:00Z', {
      pausedBusinessMs: 1.5 * H,
      pausedByReason: { waiting_for_customer: 1.5 * H },
    }),
  ],
  requests: [
    req('t1', 'incident', 'top', '2026-03-03T09:00:00Z'),
    req('t2', 'incident', 'top', '2026-03-10T08:00:00Z'),
    req('h1', 'incident', 'high', '2026-03-12T08:00:00Z'),
    req('m1', 'incident', 'medium', '2026-03-18T08:00:00Z'),
    req('i1', 'rfi', null, '2026-03-04T09:00:00Z'),
    req('i2', 'rfi', null, '2026-03-20T09:00:00Z'),
    req('c1', 'rfc', null, '2026-03-05T09:00:00Z'),
  ],
  problems: [
    {
      problemId: 'p1',
      number: 'P1',
      reason: 'top_incident',
      createdAtMs: z('2026-03-03T09:05:00Z'),
      rcaDueMs: z('2026-04-03T07:00:00Z'),
      solvedAtMs: z('2026-03-25T10:00:00Z'),
      requestIds: ['t1'],
    },
    {
      problemId: 'p2',
      number: 'P2',
      reason: 'top_incident',
      createdAtMs: z('2026-03-10T08:05:00Z'),
      rcaDueMs: z('2026-04-10T06:00:00Z'),
      solvedAtMs: null,
      requestIds: ['t2'],
    },
  ] satisfies ReportProblem[],
};

/**
 * Two customers (§2.6): Acme has t1 (Top, within target) and h1 (High, within target); Globex t2
 * (Top, resolution breached) and m1 (Medium, response breached). Per customer: Acme Top 1 of 1 and
 * low/medium/high 1 of 1, both met; Globex Top 0 of 1 and low/medium/high 0 of 1, neither met.
 * The RFIs and the RFC have no customer kept (recorded before customers were).
 */
export const SEED_CUSTOMERS = { acme: { id: 'acme', name: 'Acme' }, globex: { id: 'globex', name: 'Globex' } };
const SEED_CUSTOMER_OF: Record<string, { id: string; name: string }> = {
  t1: SEED_CUSTOMERS.acme,
  h1: SEED_CUSTOMERS.acme,
  t2: SEED_CUSTOMERS.globex,
  m1: SEED_CUSTOMERS.globex,
};

export async function seedReportStore(store: ReportStore, { customers = false } = {}): Promise<void> {
  for (const plain of SEED.requests) {
    const customer = customers ? SEED_CUSTOMER_OF[plain.requestId] : undefined;
    const request = customer ? { ...plain, customer } : plain;
    const records = SEED.records.filter((r) => r.requestId === plain.requestId).map((r) => (customer ? { ...r, customer } : r));
    await store.saveRequest(request, records);
  }
  for (const problem of SEED.problems) await store.saveProblem(problem);
}

/** The reports routes behind the real admin router (basic auth and a bearer token both configured), over the report store under `prefix`. */
export function reportsApp(
  redis: Redis,
  prefix: string,
  logger: Logger,
  availability?: ReportsRouterDeps['availability'],
  webhookHealth?: ReportsRouterDeps['webhookHealth'],
): Express {
  const source = createReportStore(redis, prefix, 400, logger);
  const reports = createSlaReports({ source, goals: SEED_GOALS, zone: SEED_ZONE, clock: { now: () => SEED_AS_OF_MS } });
  const app = express();
  const routes = [
    createReportsRouter({
      reports,
      zone: SEED_ZONE,
      logger,
      ...(availability ? { availability } : {}),
      ...(webhookHealth ? { webhookHealth } : {}),
    }),
  ];
  app.use(
    createAdminRouter({
      credentials: { token: ADMIN_BEARER_TOKEN, basic: ADMIN },
      throttle: createRedisLoginThrottle(redis, prefix, { maxFailures: 10, windowMs: 60_000 }),
      logger,
      routes,
    }),
  );
  return app;
}

/**
 * A heartbeat history for March 2026 (every series of the service: web, worker, readiness), up
 * throughout except 10 March 10:00Z–10:30Z (Tuesday 11:00–11:30 in Amsterdam, office hours): one
 * interruption of 30 minutes. Office hours in March 2026: 22 weekdays × 9 h = 198 h, so office-hours
 * availability is 197.5 / 198 = 99.747 %, shown as 99.75 %; outside office hours 100 %.
 */
export async function seedHeartbeats(store: {
  beat(series: string, processId: string, startMs: number, nowMs: number): Promise<void>;
}): Promise<void> {
  for (const series of ['web', 'worker', 'readiness']) {
    const first = Date.parse('2026-02-28T22:00:00Z');
    await store.beat(series, 'p1', first, first);
    await store.beat(series, 'p1', first, Date.parse('2026-03-10T09:59:30Z'));
    const second = Date.parse('2026-03-10T10:30:00Z');
    await store.beat(series, 'p2', second, second);
    await store.beat(series, 'p2', second, Date.parse('2026-03-31T22:00:00Z'));
  }
}
