import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from '../redis/connection.js';
import type { RedisTarget } from '../redis/redis-target.js';
import { createXurrentClient, type XurrentClient, type XurrentClientDeps } from '../xurrent/client.js';
import { createRedisLimiter, limiterKeyFor, type XurrentLimiter } from '../xurrent/limiter.js';
import type { EmbeddedXurrent, StartEmbeddedXurrent } from './embedded-xurrent.js';
import type { ServiceRoles } from './service.js';

export interface XurrentConnection<E extends EmbeddedXurrent = EmbeddedXurrent> {
  client: XurrentClient;
  /** Break-fix request mode: the client of the account that reaches Xurrent's support, and this service's account. */
  support: { client: XurrentClient; customerAccount: string } | undefined;
  /** The embedded Xurrent (the simulator, in development) when the service runs without Xurrent credentials. */
  embedded: E | undefined;
  /** Identifies the token's limiter keys in Redis (not secret). */
  limiterKey: string;
  /** What is left of the token's hourly budgets, as Xurrent last reported it. */
  budgetLeft: XurrentLimiter['remaining'];
  close(): Promise<void>;
}

/** The limiter key of a configured credential: limits are per token (docs/xurrent-api.md#rate-and-cost-limits). */
export function limiterKeyOfConfig(xurrent: NonNullable<Config['xurrent']>): string {
  return limiterKeyFor(xurrent.auth.kind === 'token' ? xurrent.auth.token : xurrent.auth.clientId);
}

/**
 * Outside production, with no Xurrent credentials and both roles in one process (`npm start`),
 * the service talks to an embedded simulator so a fresh clone shows the whole loop. Only a
 * development entry point can provide one (src/main-dev.ts): production code never loads it.
 */
export function usesEmbeddedSimulator(config: Pick<Config, 'env' | 'xurrent' | 'xurrentSimulator'>, roles: ServiceRoles): boolean {
  return !config.xurrent && config.env !== 'production' && config.xurrentSimulator === 'auto' && roles.web && roles.worker;
}

/** The client the workers use, paced by the Redis limiter shared with every other process. */
export async function connectXurrent<E extends EmbeddedXurrent>(deps: {
  config: Readonly<Config>;
  roles: ServiceRoles;
  redis: RedisTarget;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  onCall?: XurrentClientDeps['onCall'];
  /** Starts the embedded Xurrent when `usesEmbeddedSimulator` says so; without it the service runs without Xurrent. */
  startEmbedded?: StartEmbeddedXurrent<E> | undefined;
}): Promise<XurrentConnection<E> | undefined> {
  const { config, logger } = deps;
  const supportAccount = config.breakFix.mode === 'request' ? config.breakFix.supportAccount : null;
  const embedded =
    !config.xurrent && deps.startEmbedded && usesEmbeddedSimulator(config, deps.roles)
      ? await deps.startEmbedded({ extraAccounts: supportAccount ? [supportAccount] : [] })
      : undefined;
  const xurrent = config.xurrent ?? embedded?.clientConfig;
  if (!xurrent) return undefined;
  if (embedded) logger.info('embedded Xurrent simulator started', { component: 'xurrent', url: embedded.url, account: embedded.account });

  const redis: Redis = createRedis(deps.redis, 'worker', 'xsw-xurrent-limiter');
  redis.on('error', (error) => logger.warn('limiter redis connection error', { component: 'xurrent', error: error.message }));
  const limiterKey = limiterKeyOfConfig(xurrent);
  const limiter = createRedisLimiter({ redis, prefix: config.queue.prefix, key: limiterKey, settings: config.xurrentLimits });
  const observe = deps.onCall ? { onCall: deps.onCall } : {};
  const client = createXurrentClient({ config: xurrent, logger, limiter, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...observe });
  // The support account's calls share the service's limiter unless they have a token (a budget) of their own.
  const supportToken = config.breakFix.supportToken;
  const supportClient = supportAccount
    ? createXurrentClient({
        config: { ...xurrent, account: supportAccount, ...(supportToken ? { auth: { kind: 'token', token: supportToken } as const } : {}) },
        logger,
        limiter: supportToken
          ? createRedisLimiter({ redis, prefix: config.queue.prefix, key: limiterKeyFor(supportToken), settings: config.xurrentLimits })
          : limiter,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...observe,
      })
    : undefined;
  return {
    client,
    support: supportClient ? { client: supportClient, customerAccount: xurrent.account } : undefined,
    embedded,
    limiterKey,
    budgetLeft: () => limiter.remaining(),
    close: async () => {
      redis.disconnect();
      await embedded?.close();
    },
  };
}
