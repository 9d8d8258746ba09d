import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createConfirmBatch, type ConfirmFailed } from './confirm-batch.js';
import { createDeliveryMarkers, type DeliveryMarkers } from './delivery-markers.js';
import { toJobId, type JobDef } from './jobs.js';
import { NO_REPLICA_ACK, type ReplicaAck } from '../redis/replica-ack.js';

export interface EnqueueResult {
  outcome: 'queued' | 'duplicate';
  jobId: string;
}

export interface DeliveryProducerDeps {
  /** The fail-fast producer connection (enableOfflineQueue: false): a Redis outage throws at once. */
  redis: Redis;
  /** BullMQ key prefix; dedup markers live under `<prefix>:webhook-dedup:`. */
  prefix: string;
  /** How long a delivery is remembered (≥ 7 days: Xurrent retries up to 10 times over days). */
  dedupTtlSeconds: number;
  /** Told when a background confirm fails (the job is queued and still deduplicated; see below). */
  onConfirmFailed?: ConfirmFailed;
  /** Tests pass markers whose confirm they control; defaults to the Redis scripts. */
  markers?: DeliveryMarkers;
  /** REDIS_MIN_REPLICAS_ACK: the answer waits until this many replicas hold the job (WAIT), else throws. */
  replicaAck?: ReplicaAck;
}

export interface DeliveryJob<T = unknown> {
  /** The job's queue, from `openQueues`. */
  queue: Queue;
  /** Its definition in the registry (jobs.ts): name and options. */
  job: JobDef<T>;
  data: T;
  /** Ids this delivery is known by, strongest first (delivery header, origin header, jti; else body hash). */
  ids: readonly [string, ...string[]];
}

/**
 * Adds a delivery's job exactly once and resolves only when Redis holds it. Markers (see
 * delivery-markers.ts) remember every id of the delivery for the dedup window, long after the job is
 * removed: claim them, add the job (idempotent by job id), then confirm them in the background
 * (batched with the other deliveries added in the same turn, confirm-batch.ts).
 * A failed claim or add throws (the receiver answers 503); Xurrent's redelivery then finds either
 * the job or nothing, never a marker that hides a lost event.
 *
 * Why the confirm need not delay the answer: once the add resolved, the claim script already counts
 * a pending marker whose job exists as a duplicate, so a redelivery before the confirm lands gets 200.
 * The confirm only matters after the job is removed (a day later). If it fails or the process dies
 * first, the marker stays pending with its job present: the state a failed confirm left when it was
 * awaited (that delivery got 503 although its job was queued, and was then answered duplicate).
 */
export function createDeliveryProducer({
  redis,
  prefix,
  dedupTtlSeconds,
  onConfirmFailed = () => undefined,
  markers = createDeliveryMarkers(redis, dedupTtlSeconds),
  replicaAck = NO_REPLICA_ACK,
}: DeliveryProducerDeps) {
  const touchDuplicate = replicaAck.replicas > 0;
  const markerKey = (id: string) => `${prefix}:webhook-dedup:${toJobId('d', id)}`;
  const confirmSoon = createConfirmBatch(markers, onConfirmFailed);
  return async function enqueueDelivery<T>({ queue, job, data, ids }: DeliveryJob<T>): Promise<EnqueueResult> {
    const keys = ids.map(markerKey);
    const jobId = toJobId('delivery', ids[0]);
    const jobKey = queue.toKey(jobId);
    if (!(await markers.claim(keys, jobKey, { touchDuplicate }))) {
      // A duplicate is answered 200 only once what the primary holds of it is replicated too.
      await replicaAck.confirm(redis);
      return { outcome: 'duplicate', jobId };
    }
    await queue.add(job.name, data, job.optionsFor(data, { jobId }));
    // WAIT after the add, before the answer: a 202 then means the job is on REDIS_MIN_REPLICAS_ACK
    // replicas. When WAIT falls short the job stays (and its marker pending): the redelivery that the
    // 503 causes is a duplicate if the job survived, or is added again if a failover lost it.
    await replicaAck.confirm(redis);
    confirmSoon(keys, jobKey, jobId);
    return { outcome: 'queued', jobId };
  };
}
export type EnqueueDelivery = ReturnType<typeof createDeliveryProducer>;
