import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from '../redis/connection.js';
import { clientConfigFor } from '../simulator/client-config.js';
import { startSimulator, type Simulator } from '../simulator/index.js';
import { createXurrentClient, type XurrentClient } from '../xurrent/client.js';
import { createRedisLimiter, limiterKeyFor, type XurrentLimiter } from '../xurrent/limiter.js';
import type { ServiceRoles } from './service.js';

export interface XurrentConnection {
  client: XurrentClient;
  /** The embedded simulator when the service runs without Xurrent credentials. */
  simulator: Simulator | undefined;
  /** What is left of the token's hourly budgets, as Xurrent last reported it. */
  budgetLeft: XurrentLimiter['remaining'];
  close(): Promise<void>;
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
  redisUrl: string;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
}): Promise<XurrentConnection | undefined> {
  const { config, logger } = deps;
  const simulator = !config.xurrent && usesEmbeddedSimulator(config, deps.roles) ? await startSimulator({ account: 'demo' }) : undefined;
  const xurrent = config.xurrent ?? (simulator ? clientConfigFor(simulator) : undefined);
  if (!xurrent) return undefined;
  if (simulator) logger.info('embedded Xurrent simulator started', { component: 'xurrent', url: simulator.url, account: simulator.account });

  const redis: Redis = createRedis(deps.redisUrl, 'worker', 'xsw-xurrent-limiter');
  redis.on('error', (error) => logger.warn('limiter redis connection error', { component: 'xurrent', error: error.message }));
  const credential = xurrent.auth.kind === 'token' ? xurrent.auth.token : xurrent.auth.clientId;
  const limiter = createRedisLimiter({ redis, prefix: config.queue.prefix, key: limiterKeyFor(credential), settings: config.xurrentLimits });
  const client = createXurrentClient({ config: xurrent, logger, limiter, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  return {
    client,
    simulator,
    budgetLeft: () => limiter.remaining(),
    close: async () => {
      redis.disconnect();
      await simulator?.close();
    },
  };
}
