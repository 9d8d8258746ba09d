import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { RateLimitedError } from '../errors.js';
import type { XurrentBudget } from './budget.js';
import { ACQUIRE_SCRIPT } from './limiter-script.js';

/** Paces calls to Xurrent for one token; shared by every process that uses the same Redis. */
export interface XurrentLimiter {
  /** Resolves when a call may start; throws RateLimitedError when the token is blocked for long. */
  acquire(): Promise<void>;
  /** Stores what Xurrent reported of the hourly budgets after a call. */
  record(budget: XurrentBudget): Promise<void>;
  /** Blocks the token for every process (after a 429/503 with Retry-After). */
  block(ms: number): Promise<void>;
  /** What Xurrent last reported left of the hourly budgets (undefined: unknown, or its window has reset). */
  remaining(): Promise<BudgetLeft>;
}

export interface BudgetLeft {
  requests?: number;
  cost?: number;
}

export interface LimiterSettings {
  burstLimit: number;
  /** Xurrent's 2 s window plus a margin for the spread of network latency between processes. */
  burstWindowMs: number;
  requestReserve: number;
  costReserve: number;
}

export interface RedisLimiterDeps {
  redis: Redis;
  prefix: string;
  /** Identifies the token without containing it (see `limiterKeyFor`). */
  key: string;
  settings: LimiterSettings;
  /** Waits longer than this become a RateLimitedError, so the queue pauses instead of a job sleeping. */
  maxWaitMs?: number;
  /** This process's clock, for how often it stores budget figures and whether they have reset (the pacing itself uses Redis TIME). */
  now?: () => number;
}

/** A stable, non-secret id for a credential: limits are per token (docs/xurrent-api.md#rate-and-cost-limits). */
export function limiterKeyFor(secretOrClientId: string): string {
  return createHash('sha256').update(secretOrClientId).digest('hex').slice(0, 16);
}

/** The Redis hash holding what Xurrent last reported of a token's budgets (read by `/metrics`). */
export const limiterBudgetKey = (prefix: string, key: string) => `${prefix}:xurrent-limiter:${key}:budget`;

/** The acquire script as an ioredis command: EVALSHA, so each call sends its hash, not its 1.4 KB of Lua. */
const ACQUIRE_COMMAND = 'xswLimiterAcquire';
type AcquireCommand = (...args: (string | number)[]) => Promise<[number, number]>;

function acquireCommandOf(redis: Redis): AcquireCommand {
  const commands = redis as unknown as Record<string, AcquireCommand | undefined>;
  if (!commands[ACQUIRE_COMMAND]) redis.defineCommand(ACQUIRE_COMMAND, { numberOfKeys: 2, lua: ACQUIRE_SCRIPT });
  const command = commands[ACQUIRE_COMMAND];
  if (!command) throw new Error('the limiter script could not be defined');
  return command.bind(redis);
}

/**
 * How often one process stores Xurrent's budget figures while they are far from the reserves.
 * Between stores, acquire counts each call down itself; storing after every call cost a round
 * trip per call (pipeline bench).
 */
const RECORD_INTERVAL_MS = 1_000;

export function createRedisLimiter({
  redis,
  prefix,
  key,
  settings,
  maxWaitMs = 5_000,
  now: clockNow = Date.now,
}: RedisLimiterDeps): XurrentLimiter {
  const acquireScript = acquireCommandOf(redis);
  let recordedAt = Number.NEGATIVE_INFINITY;
  let recordedResets = '';
  /** Near a reserve, or in a new hourly window, every figure counts: store it at once. */
  const mustRecord = (budget: XurrentBudget, resets: string) =>
    resets !== recordedResets ||
    (budget.requests !== undefined && budget.requests.remaining <= 2 * settings.requestReserve) ||
    (budget.cost !== undefined && budget.cost.remaining <= 2 * settings.costReserve);
  const burstKey = `${prefix}:xurrent-limiter:${key}:burst`;
  const budgetKey = limiterBudgetKey(prefix, key);
  const args = [settings.burstWindowMs, settings.burstLimit] as const;
  return {
    async acquire() {
      for (;;) {
        const [outcome, ms] = await acquireScript(
          burstKey,
          budgetKey,
          ...args,
          randomUUID(),
          settings.requestReserve,
          settings.costReserve,
        );
        if (outcome === 0) return;
        if (outcome === 2 && ms > maxWaitMs) throw new RateLimitedError(ms);
        await sleep(Math.max(1, ms));
      }
    },
    async record(budget) {
      const fields: Record<string, number> = {};
      if (budget.requests) Object.assign(fields, { reqRemaining: budget.requests.remaining, reqReset: budget.requests.resetAt });
      if (budget.cost) Object.assign(fields, { costRemaining: budget.cost.remaining, costReset: budget.cost.resetAt });
      if (Object.keys(fields).length === 0) return;
      const resets = `${budget.requests?.resetAt ?? ''}|${budget.cost?.resetAt ?? ''}`;
      const now = clockNow();
      if (!mustRecord(budget, resets) && now - recordedAt < RECORD_INTERVAL_MS) return;
      [recordedAt, recordedResets] = [now, resets];
      await redis
        .multi()
        .hset(budgetKey, fields)
        .expire(budgetKey, 2 * 60 * 60)
        .exec();
    },
    async block(ms) {
      const [seconds, micros] = await redis.time();
      const until = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + ms;
      await redis
        .multi()
        .hset(budgetKey, { blockedUntil: until })
        .expire(budgetKey, 2 * 60 * 60)
        .exec();
    },
    async remaining() {
      const raw = await redis.hgetall(budgetKey);
      const nowSeconds = clockNow() / 1000;
      const left = (value: string | undefined, reset: string | undefined) =>
        value !== undefined && reset !== undefined && Number(reset) > nowSeconds ? Number(value) : undefined;
      const requests = left(raw['reqRemaining'], raw['reqReset']);
      const cost = left(raw['costRemaining'], raw['costReset']);
      return { ...(requests !== undefined ? { requests } : {}), ...(cost !== undefined ? { cost } : {}) };
    },
  };
}

/** For unit tests and one-off tools: no pacing at all. */
export const UNLIMITED: XurrentLimiter = {
  acquire: async () => undefined,
  record: async () => undefined,
  block: async () => undefined,
  remaining: async () => ({}),
};
