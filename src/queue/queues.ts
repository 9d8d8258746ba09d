import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES } from './names.js';
import { RETRY_OPTIONS } from './retry-budget.js';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Retries sized for a ten-minute Xurrent outage (`retry-budget.ts`: exponential from 2 s, the 10th
 * attempt starts 13.6–17 min after the first failure). Completed jobs are kept a week so their ids
 * keep deduplicating redeliveries.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  ...RETRY_OPTIONS,
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 100_000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 10_000 },
};

export interface Queues {
  events: Queue;
  problemEvents: Queue;
  webhookVerify: Queue;
  close(): Promise<void>;
}

/** The producer side of every queue, on one shared fail-fast connection. */
export function createQueues(connection: Redis, prefix: string): Queues {
  const open = (name: string) => new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const events = open(QUEUE_NAMES.events);
  const problemEvents = open(QUEUE_NAMES.problemEvents);
  const webhookVerify = open(QUEUE_NAMES.webhookVerify);
  return {
    events,
    problemEvents,
    webhookVerify,
    close: async () => {
      await Promise.all([events.close(), problemEvents.close(), webhookVerify.close()]);
    },
  };
}
