import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './names.js';

export interface QueueViews {
  /** Every queue of the service, in `QUEUE_NAMES` order. */
  all: readonly Queue[];
  byName(name: string): Queue | undefined;
  close(): Promise<void>;
}

/**
 * Read-and-manage handles on every queue (counts, failed jobs, retries) for the operator
 * surface: metrics, Bull Board and the `jobs` CLI. They add no jobs, so no default job options.
 */
export function createQueueViews(connection: Redis, prefix: string): QueueViews {
  const all = Object.values(QUEUE_NAMES).map((name: QueueName) => new Queue(name, { connection, prefix }));
  return {
    all,
    byName: (name) => all.find((queue) => queue.name === name),
    close: async () => {
      await Promise.all(all.map((queue) => queue.close()));
    },
  };
}
