/**
 * The scale bench's world: open requests seeded straight into the simulator's store, and for each
 * the workflow state and the one pending wake-up timer the service keeps in Redis. The state is a
 * copy of one the real workers saved for a request of the same shape in the same run (captured by
 * the caller), with that request's own instants, so a reconcile of any seeded request sees a request
 * it knows.
 */
import type { Redis } from 'ioredis';
import { systemClock } from '../../src/clock.js';
import type { WorkflowState } from '../../src/domain/workflow/workflow-state.js';
import { createNameResolver } from '../../src/scenario/resolve-names.js';
import type { Simulator } from '../../src/simulator/index.js';
import { requestCreate } from '../../src/simulator/request-mutations.js';
import { toJobId, type OpenQueues } from '../../src/queue/jobs.js';
import { createSlaTimers } from '../../src/queue/sla-timers.js';
import { decodeState, encodeState } from '../../src/state/state-codec.js';

/** Writes in flight at once: ioredis pipelines what is in flight, so this is the pipeline's depth. */
const WIDTH = 1_000;

/** A Medium incident of the customer's on Mail, with a complete description (as the pipeline bench's). */
export function createOpenRequest(sim: Simulator, label: string): string {
  const mail = createNameResolver(sim).serviceInstance('Mail');
  const input = {
    subject: `Mail down for user ${label}`,
    category: 'incident',
    impact: 'medium',
    serviceInstanceId: mail,
    note: 'Cannot send mail since this morning; Outlook shows a red banner.',
  };
  const created = requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] }, input);
  return (created as { request?: { id: string } }).request?.id ?? '';
}

/** `count` open requests in the simulator, last changed at `updatedAtMs` (before the sweep's window). */
export function seedSimulator(sim: Simulator, count: number, updatedAtMs: number): string[] {
  const at = new Date(updatedAtMs).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const id = createOpenRequest(sim, String(i));
    const record = sim.store.requests.get(id);
    if (record) record.createdAt = record.updatedAt = at;
    return id;
  });
}

/** The job id the service gives a request's wake-up at `atMs` (src/queue/sla-timers.ts). */
export const timerJobId = (requestNodeId: string, atMs: number) => toJobId('sla', `${requestNodeId}-${atMs}`);

export interface SeedRedisOptions {
  redis: Redis;
  prefix: string;
  queues: OpenQueues;
  /** The state the workers saved for a request of the same shape. */
  template: Buffer;
  ttlSeconds: number;
  ids: readonly string[];
  updatedAtMs: number;
  /** When request i's wake-up falls due. */
  dueAt: (i: number) => number;
}

async function inWaves(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += WIDTH) {
    await Promise.all(Array.from({ length: Math.min(WIDTH, count - start) }, (_, k) => task(start + k)));
  }
}

/** Saves each request's workflow state, then schedules its wake-up through the service's own timer code. */
export async function seedRedis(options: SeedRedisOptions): Promise<{ stateBytes: number; timers: Map<string, number> }> {
  const { redis, prefix, ids, updatedAtMs, dueAt } = options;
  const template = decodeState(options.template) as WorkflowState | undefined;
  const observed = template?.observed;
  if (!template || !observed) throw new Error('the captured workflow state has no observed request');
  const stateOf = (i: number): Buffer =>
    encodeState({
      ...template,
      observed: { ...observed, updatedAtMs },
      lastWriteAtMs: updatedAtMs,
      wakeUpAtMs: dueAt(i),
    } satisfies WorkflowState);
  await inWaves(ids.length, (i) => redis.set(`${prefix}:workflow:${ids[i]}`, stateOf(i), 'EX', options.ttlSeconds));
  const timers = createSlaTimers({ queues: options.queues, clock: systemClock });
  const due = new Map<string, number>();
  await inWaves(ids.length, (i) => {
    const id = ids[i] ?? '';
    due.set(timerJobId(id, dueAt(i)), dueAt(i));
    return timers.reschedule(id, undefined, dueAt(i));
  });
  return { stateBytes: stateOf(0).length, timers: due };
}

/** Deletes every key under `prefix` (SCAN, not KEYS: the server stays responsive). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5_000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}
