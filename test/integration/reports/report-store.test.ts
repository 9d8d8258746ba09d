import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { SEED } from '../../helpers/report-seed.js';

const prefix = uniquePrefix('report-store');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const log = createLogCapture();
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

describe('report store', () => {
  const store = createReportStore(redis, prefix, 2, log.logger);
  const t1 = SEED.requests[0] ?? expect.unreachable();
  const records = SEED.records.filter((r) => r.requestId === 't1');

  it('upserts per request and target, with REPORT_RETENTION_DAYS as expiry', async () => {
    await store.saveRequest(t1, records);
    await store.saveRequest(
      t1,
      records.map((r) => ({ ...r, escalations: ['warning'] })),
    );
    const kept = await store.readUntil(Date.parse('2026-04-01T00:00:00Z'));
    expect(kept.records).toHaveLength(2);
    expect(kept.records.every((r) => r.escalations[0] === 'warning')).toBe(true);
    const ttl = await redis.ttl(`${prefix}:report:sla:t1:response`);
    expect(ttl).toBeGreaterThan(2 * 86_400 - 60);
    expect(ttl).toBeLessThanOrEqual(2 * 86_400);
  });

  it('reads only what started before the end, and forgets expired entries from its index', async () => {
    expect((await store.readUntil(Date.parse('2026-03-03T09:00:00Z'))).records).toEqual([]);
    await redis.del(`${prefix}:report:sla:t1:resolution`);
    expect((await store.readUntil(Date.parse('2026-04-01T00:00:00Z'))).records.map((r) => r.target)).toEqual(['response']);
    expect(await redis.zrange(`${prefix}:report:index:sla`, '0', '-1')).toEqual(['t1:response']);
  });

  it('skips an unreadable entry with a warning', async () => {
    await redis.set(`${prefix}:report:sla:t1:response`, '{"requestId":1}');
    expect((await store.readUntil(Date.parse('2026-04-01T00:00:00Z'))).records).toEqual([]);
    expect(log.lines().some((l) => l.message === 'unreadable report entry ignored')).toBe(true);
  });

  it('keeps when each RCA promise was made and every report date, and reads a problem kept before them as it was', async () => {
    const due = (d: string) => Date.parse(`2026-04-${d}T09:00:00Z`);
    const old = {
      problemId: 'p-old',
      number: '8',
      reason: 'top_incident' as const,
      createdAtMs: Date.parse('2026-03-03T09:00:00Z'),
      rcaDueMs: due('03'),
      solvedAtMs: null,
      requestIds: ['r1'],
      rcaReportAtMs: Date.parse('2026-03-05T09:00:00Z'),
      promises: [{ reason: 'top_incident' as const, subject: 'r1', dueMs: due('03') }],
    };
    await store.saveProblem(old);
    await store.saveProblem({ ...old, problemId: 'p-new' });
    const promises = [
      { reason: 'top_incident' as const, subject: 'r1', dueMs: due('03'), promisedAtMs: Date.parse('2026-03-03T09:00:00Z') },
      { reason: 'top_incident' as const, subject: 'r2', dueMs: due('10'), promisedAtMs: Date.parse('2026-03-10T09:00:00Z') },
    ];
    const times = [Date.parse('2026-03-05T09:00:00Z')];
    await store.markProblemRca('p-new', { rcaDueMs: due('10'), rcaReportAtMs: null, promises, rcaReportTimesMs: times });
    const kept = (await store.readUntil(Date.parse('2026-04-01T00:00:00Z'))).problems;
    expect(kept.find((p) => p.problemId === 'p-old')).toEqual(old);
    expect(kept.find((p) => p.problemId === 'p-new')).toMatchObject({
      rcaDueMs: due('10'),
      rcaReportAtMs: null,
      promises,
      rcaReportTimesMs: times,
    });
  });
});
