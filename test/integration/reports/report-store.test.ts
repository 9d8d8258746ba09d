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
});
