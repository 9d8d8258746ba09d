import { adminEnabled } from '../http/admin-auth.js';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { createHttpApp } from '../http/app.js';
import type { ReadinessCheck } from '../http/health.js';
import { createHttpServer } from '../http/http-server.js';
import { startMetricsServer } from '../http/metrics-server.js';
import { createWebhookMetrics } from '../../webhooks/metrics.js';
import { createWorkers, type Workers } from '../../workers/index.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openQueues } from '../queue/jobs.js';
import { checkEvictionPolicy } from '../redis/check-eviction-policy.js';
import { createRedis } from '../redis/connection.js';
import { resolveRedis } from '../redis/resolve-redis.js';
import type { RedisTarget } from '../redis/redis-target.js';
import { createReplicaAck } from '../redis/replica-ack.js';
import { createStatusActorStore } from '../state/status-actors.js';
import { createApiUserStore } from '../xurrent/api-user.js';
import type { OwnEcho } from '../../webhooks/receive.js';
import { createResyncState } from '../resync/resync-state.js';
import type { XurrentCall } from '../xurrent/client.js';
import type { EmbeddedXurrent, StartEmbeddedXurrent } from './embedded-xurrent.js';
import type { ShutdownStep } from './shutdown.js';
import { observeWorkers } from '../metrics/observe-workers.js';
import { createOperations, type Operations } from './operations.js';
import { createAvailability } from './availability.js';
import { connectXurrent, limiterKeyOfConfig, type XurrentConnection } from './xurrent.js';

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
    // Listen first: the embedded simulator needs the receiver's URL before the app knows its keys.
    let handle: RequestListener = answerStarting;
    server = createHttpServer((req, res) => handle(req, res), config.http.limits, logger);
    server.listen(config.http.port, config.http.host);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    httpUrl = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${port}`;
    const embedded = xurrent?.embedded;
    const webhookConfig = embedded ? await embedded.subscribe(httpUrl, config.webhooks) : config.webhooks;
    const readiness = readinessChecks(producer, roles.worker ? (workers ?? null) : undefined);
    // Missed webhooks found by the sweep (any process's): a warning, not a reason to stop taking webhooks.
    const resyncState = createResyncState(producer, config.queue.prefix);
    readiness.push({ name: 'webhooks', warnOnly: true, check: async () => (await resyncState.status()).warning ?? undefined });
    const app = createHttpApp({
      logger,
      trustProxy: config.http.trustProxy,
      receiver: {
        config: webhookConfig,
        queues,
        redis: producer,
        queuePrefix: config.queue.prefix,
        readiness,
        metrics: createWebhookMetrics((outcome, status, event) => metrics.webhook(outcome, status, event)),
        replicaAck: createReplicaAck(config.redis.replicaAck),
        ownEcho: ownEchoOf(producer, config),
        ...(fetch ? { fetch } : {}),
      },
      admin: {
        ...adminOf(config, operations),
        pages: {
          queues: operations.queues,
          breakFixMode: config.breakFix.mode,
          reports: { config, redis: producer, clock, availability: availability.tile, webhookHealth: () => resyncState.status() },
          availability: availability.route(),
        },
      },
    });
    operations.registerClusterGauges(xurrent?.limiterKey ?? (config.xurrent ? limiterKeyOfConfig(config.xurrent) : undefined));
    handle = app;
    // Where an operator finds the admin pages, when they are on (no credentials: they answer 404).
    const adminPages = adminEnabled(config.operations.admin)
      ? { dashboard: `${httpUrl}/dashboard`, queues: `${httpUrl}/admin/queues` }
      : {};
    logger.info('listening', { component: 'http', url: httpUrl, ...adminPages });
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

/** Until the app is wired: alive for /healthz, 503 for everything else (Xurrent will redeliver). */
const answerStarting: RequestListener = (req, res) => {
  const alive = req.url === '/healthz';
  res.writeHead(alive ? 200 : 503, { 'Content-Type': 'application/json', ...(alive ? {} : { 'Retry-After': '1' }) });
  res.end(JSON.stringify(alive ? { status: 'ok' } : { status: 'starting' }));
};

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
    {
      name: 'redis',
      check: async () => (producer.status === 'ready' && (await producer.ping()) === 'PONG' ? undefined : 'redis unreachable'),
    },
  ];
  if (workers !== undefined) {
    checks.push({
      name: 'workers',
      check: async () =>
        workers === null
          ? 'Xurrent is not configured: events are queued but not processed'
          : workers.isRunning()
            ? undefined
            : 'workers not running',
    });
  }
  return checks;
}

/** What the admin surface needs from this process, the web process's pages aside. */
function adminOf(config: Readonly<Config>, operations: Operations) {
  return { credentials: config.operations.admin, throttle: operations.throttle, registry: operations.registry };
}

function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** The worker's own echoes: its API user as a worker stored it, and the status-actor record the events worker would have made. */
function ownEchoOf(redis: Redis, config: Readonly<Config>): OwnEcho {
  const apiUser = createApiUserStore(redis, config.queue.prefix);
  const actors = createStatusActorStore(redis, config.queue.prefix, config.reports.retentionDays);
  return { apiUser: () => apiUser.personNodeId(), recordActor: (requestNodeId, actor) => actors.record(requestNodeId, actor) };
}
