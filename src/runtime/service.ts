import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { startMetricsServer } from '../http/metrics-server.js';
import { createWorkers, type Workers } from '../../workers/index.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openQueues } from '../queue/jobs.js';
import { checkEvictionPolicy } from '../redis/check-eviction-policy.js';
import { createRedis } from '../redis/connection.js';
import { resolveRedis } from '../redis/resolve-redis.js';
import type { RedisTarget } from '../redis/redis-target.js';
import { createApiUserStore } from '../xurrent/api-user.js';
import type { XurrentCall } from '../xurrent/client.js';
import type { EmbeddedXurrent, StartEmbeddedXurrent } from './embedded-xurrent.js';
import type { ShutdownStep } from './shutdown.js';
import { observeWorkers } from '../metrics/observe-workers.js';
import { adminOf, createOperations, type Operations } from './operations.js';
import { createAvailability } from './availability.js';
import { startWebRole } from './web-role.js';
import { connectXurrent, type XurrentConnection } from './xurrent.js';

export interface ServiceRoles {
  web: boolean;
  worker: boolean;
}

export interface RunningService<E extends EmbeddedXurrent = EmbeddedXurrent> {
  /** Where this process's Redis is (log it with describeRedisTarget: never the object itself). */
  redis: RedisTarget;
  /** Base URL of the HTTP server when the web role runs. */
  httpUrl: string | undefined;
  workers: Workers | undefined;
  /** The embedded Xurrent (the simulator, in development), when the service runs without Xurrent credentials. */
  embeddedXurrent: E | undefined;
  /** Metrics registry, queue handles and admin router of this process. */
  operations: Operations;
  /** Base URL of the worker-side metrics server (`METRICS_PORT`), when it runs. */
  metricsUrl: string | undefined;
  shutdownSteps(): ShutdownStep[];
}

export interface ServiceDeps<E extends EmbeddedXurrent = EmbeddedXurrent> {
  config: Readonly<Config>;
  logger: Logger;
  roles: ServiceRoles;
  fetch?: typeof globalThis.fetch;
  /** "Now" for the workflow (a virtual clock in the scenario runner). */
  clock?: Clock;
  /** Development entry points only (src/main-dev.ts, the demo): starts the embedded Xurrent when no credentials are set. */
  embeddedXurrent?: StartEmbeddedXurrent<E>;
}

/** The composition root: builds every real dependency once and wires the roles this process runs. */
export async function startService<E extends EmbeddedXurrent = EmbeddedXurrent>({
  config,
  logger,
  roles,
  fetch,
  clock = systemClock,
  embeddedXurrent,
}: ServiceDeps<E>): Promise<RunningService<E>> {
  const redis = await resolveRedis(config.redis, logger);
  const producer = createRedis(redis.target, 'producer', 'xsw-producer');
  producer.on('error', (error) => logger.warn('redis connection error', { component: 'redis', error: error.message }));
  await waitUntilReady(producer);
  try {
    await checkEvictionPolicy(producer, logger, { refuse: config.env === 'production' });
  } catch (error) {
    producer.disconnect();
    await redis.embedded?.stop();
    throw error;
  }
  const queues = openQueues(producer, config.queue.prefix, {
    onError: (error, queue) => logger.warn('queue error', { component: 'queue', queue, error: error.message }),
  });
  const operations = createOperations({ config, logger, redis: producer });
  const { metrics } = operations;
  const availability = createAvailability({ config, logger, redis: producer });

  let workers: Workers | undefined;
  let xurrent: XurrentConnection<E> | undefined;
  if (roles.worker) {
    const onCall = (call: XurrentCall) => metrics.xurrentCall(call.operation, call.outcome, call.durationMs);
    xurrent = await connectXurrent({
      config,
      roles,
      redis: redis.target,
      logger,
      onCall,
      startEmbedded: embeddedXurrent,
      ...(fetch ? { fetch } : {}),
    });
    if (xurrent)
      workers = createWorkers({
        config,
        redis: redis.target,
        replicaAck: config.redis.replicaAck,
        xurrent: xurrent.client,
        ...(xurrent.support ? { support: xurrent.support } : {}),
        budgetLeft: xurrent.budgetLeft,
        logger,
        clock,
        metrics,
        ...(fetch ? { fetch } : {}),
      });
    if (workers) observeWorkers(workers.all, metrics);
    // Who the token acts as, for the web processes to tell the worker's own echoes (one call per start).
    if (xurrent)
      await createApiUserStore(producer, config.queue.prefix)
        .learn(xurrent.client)
        .catch((error: unknown) =>
          logger.warn('could not read the API user (me): own echoes are processed like any event', {
            component: 'xurrent',
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    await workers?.start();
  }

  let server: Server | undefined;
  let httpUrl: string | undefined;
  if (roles.web) {
    ({ server, httpUrl } = await startWebRole({
      config,
      logger,
      producer,
      queues,
      operations,
      availability,
      xurrent,
      workers: roles.worker ? (workers ?? null) : undefined,
      clock,
      ...(fetch ? { fetch } : {}),
    }));
  }
  const metricsServer = roles.web ? undefined : await startMetricsServer({ config, logger, admin: adminOf(config, operations) });
  const heartbeats = availability.start({ httpUrl, workers, worker: roles.worker });
  const metricsPort = metricsServer ? (metricsServer.address() as AddressInfo).port : undefined;

  return {
    redis: redis.target,
    httpUrl,
    workers,
    embeddedXurrent: xurrent?.embedded,
    operations,
    metricsUrl: metricsPort === undefined ? undefined : `http://127.0.0.1:${metricsPort}`,
    shutdownSteps: () => [
      { name: 'heartbeats', run: async () => heartbeats.stop() },
      { name: 'http', run: () => closeServer(server) },
      { name: 'metrics-http', run: () => closeServer(metricsServer) },
      { name: 'workers', run: async () => workers?.close() },
      { name: 'xurrent', run: async () => xurrent?.close() },
      { name: 'queues', run: async () => void (await Promise.all([queues.close(), operations.close()])) },
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

function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
