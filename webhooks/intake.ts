import type { Redis } from 'ioredis';
import type { WebhookConfig } from '../schema/env/webhooks.js';
import type { Logger } from '../src/logger.js';
import { createDeliveryProducer } from '../src/queue/producer.js';
import type { OpenQueues as Queues } from '../src/queue/jobs.js';
import type { ReplicaAck } from '../src/redis/replica-ack.js';
import { createWebhookMetrics, type WebhookMetrics } from './metrics.js';
import { createDeliveryReceiver, type OwnEcho } from './receive.js';
import { createSignatureVerifier } from './signature.js';
import { createXurrentWebhookHandlers } from './xurrent-route.js';

export interface IntakeDeps {
  config: WebhookConfig;
  queues: Pick<Queues, 'events' | 'problemEvents' | 'webhookVerify'>;
  /** The fail-fast producer connection the queues use. */
  redis: Redis;
  queuePrefix: string;
  logger: Logger;
  metrics?: WebhookMetrics;
  /** REDIS_MIN_REPLICAS_ACK: 202 only once that many replicas hold the job; none by default. */
  replicaAck?: ReplicaAck;
  /** Tells the worker's own echoes (answered 200, not queued); none are told apart without it. */
  ownEcho?: OwnEcho;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

/** Wires the Xurrent webhook intake: verifier, producer, receiver and route handlers. Says at start what it will refuse. */
export function createXurrentIntake({
  config,
  queues,
  redis,
  queuePrefix,
  logger,
  metrics = createWebhookMetrics(),
  replicaAck,
  ownEcho,
  fetch,
  now,
}: IntakeDeps) {
  const log = logger.child({ component: 'webhook' });
  warnAboutSettings(config, log);
  const verifySignedToken = createSignatureVerifier({
    config,
    ...(fetch ? { fetch } : {}),
    ...(now ? { now: () => now().getTime() } : {}),
  });
  // Harmless for the delivery (queued, and deduplicated while its job exists), but worth seeing.
  const onConfirmFailed = (error: unknown, jobId: string) =>
    log.warn('dedup marker left pending', { jobId, error: error instanceof Error ? error.message : String(error) });
  const enqueueDelivery = createDeliveryProducer({
    redis,
    prefix: queuePrefix,
    dedupTtlSeconds: config.dedupTtlSeconds,
    onConfirmFailed,
    ...(replicaAck ? { replicaAck } : {}),
  });
  const receiveDelivery = createDeliveryReceiver({
    config,
    queues,
    verifySignedToken,
    enqueueDelivery,
    logger,
    ...(ownEcho ? { ownEcho } : {}),
    ...(now ? { now } : {}),
  });
  return { handlers: createXurrentWebhookHandlers({ receiveDelivery, metrics, maxBytes: config.maxBytes }), metrics };
}

function warnAboutSettings(config: WebhookConfig, log: Logger): void {
  if (!config.requireSignature) {
    log.warn('XURRENT_WEBHOOK_REQUIRE_SIGNATURE=false: unsigned webhook bodies are accepted; only do this on a trusted network');
  } else if (config.publicKeys.length === 0 && !config.discoverKeys) {
    log.warn('no XURRENT_WEBHOOK_PUBLIC_KEY and XURRENT_WEBHOOK_JWKS=off: every webhook delivery will be refused with 401');
  }
  if (config.accounts.length === 0)
    log.warn('no XURRENT_ACCOUNT or XURRENT_CUSTOMER_ACCOUNTS: every webhook delivery will be refused with 403');
}
