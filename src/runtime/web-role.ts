import { adminEnabled } from '../http/admin-auth.js';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { createHttpApp } from '../http/app.js';
import type { ReadinessCheck } from '../http/health.js';
import { createHttpServer } from '../http/http-server.js';
import { createWebhookMetrics } from '../../webhooks/metrics.js';
import type { Workers } from '../../workers/index.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { OpenQueues } from '../queue/jobs.js';
import { createReplicaAck } from '../redis/replica-ack.js';
import { createStatusActorStore } from '../state/status-actors.js';
import { createApiUserStore } from '../xurrent/api-user.js';
import type { OwnEcho } from '../../webhooks/receive.js';
import { createResyncState } from '../resync/resync-state.js';
import type { EmbeddedXurrent } from './embedded-xurrent.js';
import { adminOf, type Operations } from './operations.js';
import type { createAvailability } from './availability.js';
import { limiterKeyOfConfig, type XurrentConnection } from './xurrent.js';

export interface WebRoleDeps<E extends EmbeddedXurrent = EmbeddedXurrent> {
  config: Readonly<Config>;
  logger: Logger;
  /** The producer connection: the receiver enqueues on it, the readiness check pings it. */
  producer: Redis;
  queues: OpenQueues;
  operations: Operations;
  availability: ReturnType<typeof createAvailability>;
  /** This process's Xurrent connection, when it runs the worker role with Xurrent configured. */
  xurrent: XurrentConnection<E> | undefined;
  /** undefined when this process runs no workers, null when it should but cannot (no Xurrent). */
  workers: Workers | null | undefined;
  clock: Clock;
  fetch?: typeof globalThis.fetch;
}

/** The web role: the HTTP server with the webhook receiver, the health probes and the admin surface. */
export async function startWebRole<E extends EmbeddedXurrent>({
  config,
  logger,
  producer,
  queues,
  operations,
  availability,
  xurrent,
  workers,
  clock,
  fetch,
}: WebRoleDeps<E>): Promise<{ server: Server; httpUrl: string }> {
  const { metrics } = operations;
  // Listen first: the embedded simulator needs the receiver's URL before the app knows its keys.
  let handle: RequestListener = answerStarting;
  const server = createHttpServer((req, res) => handle(req, res), config.http.limits, logger);
  server.listen(config.http.port, config.http.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const httpUrl = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${port}`;
  const embedded = xurrent?.embedded;
  const webhookConfig = embedded ? await embedded.subscribe(httpUrl, config.webhooks) : config.webhooks;
  const readiness = readinessChecks(producer, workers);
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
  const adminPages = adminEnabled(config.operations.admin) ? { dashboard: `${httpUrl}/dashboard`, queues: `${httpUrl}/admin/queues` } : {};
  logger.info('listening', { component: 'http', url: httpUrl, ...adminPages });
  return { server, httpUrl };
}

/** Until the app is wired: alive for /healthz, 503 for everything else (Xurrent will redeliver). */
const answerStarting: RequestListener = (req, res) => {
  const alive = req.url === '/healthz';
  res.writeHead(alive ? 200 : 503, { 'Content-Type': 'application/json', ...(alive ? {} : { 'Retry-After': '1' }) });
  res.end(JSON.stringify(alive ? { status: 'ok' } : { status: 'starting' }));
};

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

/** The worker's own echoes: its API user as a worker stored it, and the status-actor record the events worker would have made. */
function ownEchoOf(redis: Redis, config: Readonly<Config>): OwnEcho {
  const apiUser = createApiUserStore(redis, config.queue.prefix);
  const actors = createStatusActorStore(redis, config.queue.prefix, config.reports.retentionDays);
  return { apiUser: () => apiUser.personNodeId(), recordActor: (requestNodeId, actor) => actors.record(requestNodeId, actor) };
}
