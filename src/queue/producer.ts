import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export type EnqueueOutcome = 'queued' | 'duplicate';

/**
 * BullMQ job ids must not contain ':' and must not be all digits; delivery ids are UUIDs in practice
 * but come from outside, so they are normalised.
 */
export function toJobId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

export interface DeliveryProducerDeps {
  /** The fail-fast producer connection (enableOfflineQueue: false): a Redis outage throws at once. */
  redis: Redis;
  /** BullMQ key prefix; dedup markers live under `<prefix>:webhook-dedup:`. */
  prefix: string;
  /** How long a delivery is remembered (≥ 7 days: Xurrent retries up to 10 times over days). */
  dedupTtlSeconds: number;
}

export interface DeliveryJob {
  queue: Queue;
  name: string;
  data: object;
  /** Ids this delivery is known by, strongest first (delivery header, origin header, jti; else body hash). */
  ids: readonly [string, ...string[]];
  options?: JobsOptions;
}

/** Finished jobs go after a day: the small dedup markers, not job bodies, carry the long window. */
const KEEP_COMPLETED = { age: 24 * 60 * 60, count: 50_000 };

/**
 * Adds a delivery's job exactly once and resolves only when Redis holds it. A marker key per id,
 * with a TTL, remembers deliveries long after their jobs are removed. Order matters: check the
 * markers, add the job (idempotent by job id), then claim the markers; a crash between steps only
 * leads to a redelivery being added again under the same job id, which BullMQ ignores.
 */
export function createDeliveryProducer({ redis, prefix, dedupTtlSeconds }: DeliveryProducerDeps) {
  const markerKey = (id: string) => `${prefix}:webhook-dedup:${toJobId('d', id)}`;
  return async function enqueueDelivery({ queue, name, data, ids, options }: DeliveryJob): Promise<EnqueueOutcome> {
    const keys = ids.map(markerKey);
    const seen = await redis.mget(...keys);
    if (seen.some((value) => value !== null)) return 'duplicate';
    const jobId = toJobId('delivery', ids[0]);
    await queue.add(name, data, { removeOnComplete: KEEP_COMPLETED, ...options, jobId });
    const claims = await redis.multi(keys.map((key) => ['set', key, jobId, 'EX', String(dedupTtlSeconds), 'NX'])).exec();
    if (!claims) throw new Error('dedup marker transaction aborted');
    const [first] = claims;
    if (first?.[0]) throw first[0];
    return first?.[1] === 'OK' ? 'queued' : 'duplicate';
  };
}
export type EnqueueDelivery = ReturnType<typeof createDeliveryProducer>;
