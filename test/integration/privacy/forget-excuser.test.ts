import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetPerson } from '../../../src/privacy/forget-person.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { reportRequest, slaRecord } from '../../helpers/report-entities.js';

const prefix = uniquePrefix('forget-excuser');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

describe("privacy forget: who excused a breach (issue 22's review keeps it on the SLA records)", () => {
  it('finds the SLA records naming the person as the one who excused, takes the person out with --apply, and leaves the others', async () => {
    const store = createReportStore(redis, prefix, 400, createLogCapture().logger);
    const customer = { id: 'acme', name: 'Acme' };
    const excused = { reason: 'customer VPN down', by: 'person-ssm', at: Date.parse('2026-03-26T09:00:00Z') };
    await store.saveRequest({ ...reportRequest('r1', 'incident', 'high', '2026-03-25T08:00:00Z'), customer }, [
      slaRecord('r1', 'high', 'resolution', '2026-03-25T08:00:00Z', '2026-03-26T08:00:00Z', '2026-03-26T10:00:00Z', { excused, customer }),
    ]);
    await store.saveRequest({ ...reportRequest('r2', 'incident', 'high', '2026-03-25T08:00:00Z'), customer }, [
      slaRecord('r2', 'high', 'resolution', '2026-03-25T08:00:00Z', '2026-03-26T08:00:00Z', '2026-03-26T07:00:00Z', { customer }),
    ]);
    const dry = await forgetPerson(redis, prefix, 'person-ssm');
    expect(dry.keys).toEqual([`${prefix}:report:sla:r1:resolution`]);
    expect(await redis.exists(`${prefix}:report:sla:r1:resolution`)).toBe(1);
    const applied = await forgetPerson(redis, prefix, 'person-ssm', { apply: true });
    expect(applied.keys).toEqual([`${prefix}:report:sla:r1:resolution`]);
    // The record stays for the review (the excuse's reason and instant), without the person.
    const [record] = (await store.readUntil(Date.parse('2026-04-01T00:00:00Z'))).records.filter((r) => r.requestId === 'r1');
    expect(record?.excused).toEqual({ ...excused, by: 'forgotten' });
    expect(await redis.exists(`${prefix}:report:sla:r2:resolution`)).toBe(1);
    // A customer is an account, not a person: nothing names it.
    expect((await forgetPerson(redis, prefix, 'acme')).keys).toEqual([]);
  });
});
