import { once } from 'node:events';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { openQueues, type OpenQueues as Queues } from '../../src/queue/jobs.js';
import { createRedis } from '../../src/redis/connection.js';
import { urlTarget } from '../../src/redis/redis-target.js';
import type { ReplicaAck } from '../../src/redis/replica-ack.js';
import { createHttpApp } from '../../src/http/app.js';
import type { OwnEcho } from '../../webhooks/receive.js';
import { createWebhookMetrics, type WebhookMetrics } from '../../webhooks/metrics.js';
import { createLogCapture } from './log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export interface TestIntake {
  app: Express;
  queues: Queues;
  redis: Redis;
  prefix: string;
  metrics: WebhookMetrics;
  logs: ReturnType<typeof createLogCapture>;
  /** Every job in every intake queue, whatever its state. */
  jobCount(): Promise<number>;
  close(): Promise<void>;
}

export async function waitForReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await once(redis, 'ready');
}

/** The real web app on a real Redis under a unique prefix, configured from environment variables. */
export async function startTestIntake(
  env: Record<string, string>,
  options: {
    redisUrl?: string;
    replicaAck?: ReplicaAck;
    ownEcho?: OwnEcho;
    fetch?: typeof fetch;
    now?: () => Date;
    logLevel?: 'error' | 'warn' | 'info' | 'debug';
  } = {},
): Promise<TestIntake> {
  const config = loadConfig(env);
  const prefix = uniquePrefix('intake');
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const redis = createRedis(urlTarget(redisUrl), 'producer', 'test-producer');
  redis.on('error', () => undefined);
  await waitForReady(redis);
  const queues = openQueues(redis, prefix, { onError: () => undefined });
  const logs = createLogCapture(options.logLevel);
  const metrics = createWebhookMetrics();
  const app = createHttpApp({
    logger: logs.logger,
    receiver: {
      config: config.webhooks,
      queues,
      redis,
      queuePrefix: prefix,
      readiness: [],
      metrics,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.replicaAck ? { replicaAck: options.replicaAck } : {}),
      ...(options.ownEcho ? { ownEcho: options.ownEcho } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
  });
  const jobCount = async () => {
    let total = 0;
    for (const queue of [queues.events, queues.problemEvents, queues.webhookVerify]) {
      const counts = await queue.getJobCounts();
      total += Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    return total;
  };
  return {
    app,
    queues,
    redis,
    prefix,
    metrics,
    logs,
    jobCount,
    close: async () => {
      await queues.close();
      if (!options.redisUrl) await deleteKeys(prefix, redisUrl);
      redis.disconnect();
    },
  };
}
