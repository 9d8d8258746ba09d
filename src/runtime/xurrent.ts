import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from '../redis/connection.js';
import type { RedisTarget } from '../redis/redis-target.js';
import { clientConfigFor } from '../simulator/client-config.js';
import { startSimulator, type Simulator } from '../simulator/index.js';
import { createXurrentClient, type XurrentClient, type XurrentClientDeps } from '../xurrent/client.js';
import { createRedisLimiter, limiterKeyFor, type XurrentLimiter } from '../xurrent/limiter.js';
import type { ServiceRoles } from './service.js';

export interface XurrentConnection {
  client: XurrentClient;
  /** Break-fix request mode: the client of the account that reaches Xurrent's support, and this service's account. */
  support: { client: XurrentClient; customerAccount: string } | undefined;
  /** The embedded simulator when the service runs without Xurrent credentials. */
  simulator: Simulator | undefined;
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
 * the service talks to an embedded simulator so a fresh clone shows the whole loop.
 */
export function usesEmbeddedSimulator(config: Pick<Config, 'env' | 'xurrent' | 'xurrentSimulator'>, roles: ServiceRoles): boolean {
  return !config.xurrent && config.env !== 'production' && config.xurrentSimulator === 'auto' && roles.web && roles.worker;
}

/** The client the workers use, paced by the Redis limiter shared with every other process. */
export async function connectXurrent(deps: {
  config: Readonly<Config>;
  roles: ServiceRoles;
  redis: RedisTarget;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  onCall?: XurrentClientDeps['onCall'];
}): Promise<XurrentConnection | undefined> {
  const { config, logger } = deps;
  const supportAccount = config.breakFix.mode === 'request' ? config.breakFix.supportAccount : null;
  const simulator = !config.xurrent && usesEmbeddedSimulator(config, deps.roles) ? await startSimulator({ account: 'demo', extraAccounts: supportAccount ? [supportAccount] : [] }) : undefined;
  const xurrent = config.xurrent ?? (simulator ? clientConfigFor(simulator) : undefined);
  if (!xurrent) return undefined;
  if (simulator) logger.info('embedded Xurrent simulator started', { component: 'xurrent', url: simulator.url, account: simulator.account });

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
        limiter: supportToken ? createRedisLimiter({ redis, prefix: config.queue.prefix, key: limiterKeyFor(supportToken), settings: config.xurrentLimits }) : limiter,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...observe,
      })
    : undefined;
  return {
    client,
    support: supportClient ? { client: supportClient, customerAccount: xurrent.account } : undefined,
    simulator,
    limiterKey,
    budgetLeft: () => limiter.remaining(),
    close: async () => {
      redis.disconnect();
      await simulator?.close();
    },
  };
}
