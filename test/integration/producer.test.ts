import { Queue } from 'bullmq';
import { JOBS, openQueues } from '../../src/queue/jobs.js';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryMarkers, type DeliveryMarkers } from '../../src/queue/delivery-markers.js';
import { createDeliveryProducer, type DeliveryJob } from '../../src/queue/producer.js';
import { createRedis } from '../../src/redis/connection.js';
import { urlTarget } from '../../src/redis/redis-target.js';
import { waitForReady } from '../helpers/intake.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait-for.js';

let redis: Redis;
let queue: Queue;
let prefix: string;
beforeEach(async () => {
  prefix = uniquePrefix('producer');
  redis = createRedis(urlTarget(TEST_REDIS_URL), 'producer', 'test-producer');
  await waitForReady(redis);
  queue = openQueues(redis, prefix).named('events');
});
afterEach(async () => {
  await queue.close();
  await deleteKeys(prefix);
  redis.disconnect();
});

const data = { deliveryId: 'd', event: 'request.update' };
/** The producer takes any data: what it adds is checked by the processor (JOBS.requestEvent.parse). */
const job = JOBS.requestEvent as DeliveryJob['job'];

describe('createDeliveryProducer', () => {
  it('keeps exactly one job for 20 concurrent redeliveries, and answers later ones duplicate', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => enqueue({ queue, job, data, ids: ['abc'] })));
    expect(outcomes.map((r) => r.outcome)).toContain('queued');
    expect((await enqueue({ queue, job, data, ids: ['abc'] })).outcome).toBe('duplicate');
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(1);
    expect((await queue.getJob('delivery-abc'))?.opts.removeOnComplete).toEqual({ age: 86_400, count: 50_000 });
  });

  it('still answers duplicate after the job itself is gone (the marker carries the window)', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    expect((await enqueue({ queue, job, data, ids: ['gone', 'jti-1'] })).outcome).toBe('queued');
    await (await queue.getJob('delivery-gone'))!.remove();
    expect((await enqueue({ queue, job, data, ids: ['gone'] })).outcome).toBe('duplicate');
    expect((await enqueue({ queue, job, data, ids: ['other', 'jti-1'] })).outcome).toBe('duplicate');
    expect(await queue.getJobCountByTypes('waiting')).toBe(0);
  });

  it('lets a delivery whose earlier add failed (pending marker, no job) be queued', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    const marker = `${prefix}:webhook-dedup:d-retry`;
    await redis.set(marker, `pending|${queue.toKey('delivery-retry')}`, 'EX', 600);
    expect((await enqueue({ queue, job, data, ids: ['retry'] })).outcome).toBe('queued');
    await waitFor(async () => (await redis.get(marker)) === `done|${queue.toKey('delivery-retry')}`, 'marker confirmed');
    expect((await enqueue({ queue, job, data, ids: ['retry'] })).outcome).toBe('duplicate');
  });

  it('treats a pending marker whose job exists as a duplicate (confirm step lost)', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    await queue.add('request-event', data, { jobId: 'delivery-half' });
    await redis.set(`${prefix}:webhook-dedup:d-half`, `pending|${queue.toKey('delivery-half')}`, 'EX', 600);
    expect((await enqueue({ queue, job, data, ids: ['half'] })).outcome).toBe('duplicate');
  });

  it('queues again once the marker has expired', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    await enqueue({ queue, job, data, ids: ['old'] });
    await (await queue.getJob('delivery-old'))!.remove();
    await redis.del(...(await redis.keys(`${prefix}:webhook-dedup:*`)));
    expect((await enqueue({ queue, job, data, ids: ['old'] })).outcome).toBe('queued');
  });

  it('normalises ids into valid BullMQ job ids', async () => {
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800 });
    await enqueue({ queue, job, data, ids: ['12345'] });
    expect(await queue.getJob('delivery-12345')).toBeDefined();
  });

  it('answers before the confirm lands; a redelivery during and after it is a duplicate, never queued twice', async () => {
    const real = createDeliveryMarkers(redis, 604_800);
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: DeliveryMarkers = {
      claim: real.claim.bind(real),
      confirm: async (keys, jobKeys) => (await gate, real.confirm(keys, jobKeys)),
    };
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800, markers: gated });
    const marker = `${prefix}:webhook-dedup:d-slow`;
    expect((await enqueue({ queue, job, data, ids: ['slow', 'jti-slow'] })).outcome).toBe('queued');
    expect(await redis.get(marker)).toBe(`pending|${queue.toKey('delivery-slow')}`);
    expect((await enqueue({ queue, job, data, ids: ['slow'] })).outcome).toBe('duplicate');
    expect((await enqueue({ queue, job, data, ids: ['other', 'jti-slow'] })).outcome).toBe('duplicate');
    release();
    await waitFor(async () => (await redis.get(marker))?.startsWith('done|'), 'marker confirmed');
    expect((await enqueue({ queue, job, data, ids: ['slow'] })).outcome).toBe('duplicate');
    await (await queue.getJob('delivery-slow'))!.remove();
    expect((await enqueue({ queue, job, data, ids: ['slow'] })).outcome).toBe('duplicate');
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(0);
  });

  it('reports a failed confirm, still answers queued, and deduplicates on the pending marker while the job exists', async () => {
    const real = createDeliveryMarkers(redis, 604_800);
    const failing: DeliveryMarkers = { claim: real.claim.bind(real), confirm: () => Promise.reject(new Error('connection lost')) };
    const failures: [string, string][] = [];
    const onConfirmFailed = (error: unknown, jobId: string) => void failures.push([jobId, (error as Error).message]);
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800, markers: failing, onConfirmFailed });
    expect((await enqueue({ queue, job, data, ids: ['lost'] })).outcome).toBe('queued');
    await waitFor(() => failures.length > 0, 'confirm failure reported');
    expect(failures).toEqual([['delivery-lost', 'connection lost']]);
    expect((await enqueue({ queue, job, data, ids: ['lost'] })).outcome).toBe('duplicate');
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(1);
  });

  it('confirms deliveries added together in shared calls, each marker naming its own job', async () => {
    const real = createDeliveryMarkers(redis, 604_800);
    let calls = 0;
    const counted: DeliveryMarkers = {
      claim: real.claim.bind(real),
      confirm: (keys, jobKeys) => ((calls += 1), real.confirm(keys, jobKeys)),
    };
    const enqueue = createDeliveryProducer({ redis, prefix, dedupTtlSeconds: 604_800, markers: counted });
    const ids = Array.from({ length: 20 }, (_, i) => `many-${i}`);
    await Promise.all(ids.map((id) => enqueue({ queue, job, data, ids: [id, `jti-${id}`] })));
    const markers = ids.flatMap((id) => [`${prefix}:webhook-dedup:d-${id}`, `${prefix}:webhook-dedup:d-jti-${id}`]);
    const expected = ids.flatMap((id) => [`done|${queue.toKey(`delivery-${id}`)}`, `done|${queue.toKey(`delivery-${id}`)}`]);
    await waitFor(
      async () => JSON.stringify(await redis.mget(...markers)) === JSON.stringify(expected),
      'every marker confirmed with its own job key',
    );
    expect(calls).toBeLessThan(ids.length);
    expect(await redis.ttl(markers[0]!)).toBeGreaterThan(604_000);
  });
});
