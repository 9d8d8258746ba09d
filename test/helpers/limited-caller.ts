/**
 * A stand-in worker process for the throughput test: one Xurrent client with the shared Redis
 * limiter, making CALLS calls with CONCURRENCY in flight. Prints one JSON line: { ok, rateLimited }.
 */
import { Redis } from 'ioredis';
import { ME, MeResultSchema } from '../../schema/graphql/me.js';
import { createLogger } from '../../src/logger.js';
import { createXurrentClient } from '../../src/xurrent/client.js';
import { createRedisLimiter, limiterKeyFor } from '../../src/xurrent/limiter.js';

const env = (name: string) => process.env[name] ?? '';
const redis = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
const token = env('XURRENT_TOKEN');
const settings = { burstLimit: 20, burstWindowMs: 2_250, requestReserve: 10, costReserve: 100 };
const limiter = createRedisLimiter({ redis, prefix: env('PREFIX'), key: limiterKeyFor(token), settings, maxWaitMs: 5_000 });
const logger = createLogger({ level: 'error', stream: process.stderr });
const xurrent = createXurrentClient({
  config: { account: env('XURRENT_ACCOUNT'), graphqlUrl: env('XURRENT_GRAPHQL_URL'), oauthTokenUrl: `${env('XURRENT_GRAPHQL_URL')}token`, auth: { kind: 'token', token }, timeoutMs: 5_000 },
  logger,
  limiter,
});

let remaining = Number(env('CALLS'));
const counts = { ok: 0, failed: 0 };
await Promise.all(
  Array.from({ length: Number(env('CONCURRENCY')) }, async () => {
    while (remaining > 0) {
      remaining -= 1;
      await xurrent.request(ME, {}, MeResultSchema).then(
        () => void counts.ok++,
        () => void counts.failed++,
      );
    }
  }),
);
process.stdout.write(`${JSON.stringify(counts)}\n`);
redis.disconnect();
