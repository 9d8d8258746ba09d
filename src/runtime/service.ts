import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { createWebApp } from '../../webhooks/app.js';
import type { ReadinessCheck } from '../../webhooks/health.js';
import { createWorkers, type Workers } from '../../workers/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createQueues } from '../queue/queues.js';
import { checkEvictionPolicy } from '../redis/check-eviction-policy.js';
import { createRedis } from '../redis/connection.js';
import { resolveRedis } from '../redis/resolve-redis.js';
import { createXurrentClient } from '../xurrent/client.js';
import type { ShutdownStep } from './shutdown.js';

export interface ServiceRoles {
  web: boolean;
  worker: boolean;
}

export interface RunningService {
  redisUrl: string;
  /** Base URL of the HTTP server when the web role runs. */
  httpUrl: string | undefined;
  workers: Workers | undefined;
  shutdownSteps(): ShutdownStep[];
}

export interface ServiceDeps {
  config: Readonly<Config>;
  logger: Logger;
  roles: ServiceRoles;
  fetch?: typeof globalThis.fetch;
}

/** The composition root: builds every real dependency once and wires the roles this process runs. */
export async function startService({ config, logger, roles, fetch }: ServiceDeps): Promise<RunningService> {
  const redis = await resolveRedis(config.redis, logger);
  const producer = createRedis(redis.url, 'producer', 'xsw-producer');
  producer.on('error', (error) => logger.warn('redis connection error', { component: 'redis', error: error.message }));
  await waitUntilReady(producer);
  await checkEvictionPolicy(producer, logger);
  const queues = createQueues(producer, config.queue.prefix);
  queues.events.on('error', (error) => logger.warn('queue error', { component: 'queue', error: error.message }));

  let workers: Workers | undefined;
  if (roles.worker && config.xurrent) {
    const xurrent = createXurrentClient({ config: config.xurrent, logger, ...(fetch ? { fetch } : {}) });
    workers = createWorkers({ config, redisUrl: redis.url, xurrent, logger, ...(fetch ? { fetch } : {}) });
  }

  let server: Server | undefined;
  let httpUrl: string | undefined;
  if (roles.web) {
    const readiness = readinessChecks(producer, roles.worker ? (workers ?? null) : undefined);
    const app = createWebApp({
      config: config.webhooks,
      queues,
      redis: producer,
      queuePrefix: config.queue.prefix,
      logger,
      readiness,
      ...(fetch ? { fetch } : {}),
    });
    server = app.listen(config.http.port, config.http.host);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    httpUrl = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${port}`;
    logger.info('listening', { component: 'http', url: httpUrl });
  }

  return {
    redisUrl: redis.url,
    httpUrl,
    workers,
    shutdownSteps: () => [
      { name: 'http', run: () => closeServer(server) },
      { name: 'workers', run: async () => workers?.close() },
      { name: 'queues', run: () => queues.close() },
      { name: 'redis', run: async () => void (await producer.quit().catch(() => producer.disconnect())) },
      { name: 'embedded-redis', run: async () => redis.embedded?.stop() },
    ],
  };
}

function waitUntilReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis did not become ready within 10 s')), 10_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** `workers`: undefined when this process runs no workers, null when it should but cannot (no Xurrent). */
function readinessChecks(producer: Redis, workers: Workers | null | undefined): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    { name: 'redis', check: async () => (producer.status === 'ready' && (await producer.ping()) === 'PONG' ? undefined : 'redis unreachable') },
  ];
  if (workers !== undefined) {
    checks.push({
      name: 'workers',
      check: async () =>
        workers === null ? 'Xurrent is not configured: events are queued but not processed' : workers.isRunning() ? undefined : 'workers not running',
    });
  }
  return checks;
}

function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
