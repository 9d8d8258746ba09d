/**
 * A worker process for the throughput test: the real request-event workers with a Xurrent client
 * paced by the shared Redis limiter. Prints "ready" once started; stops on SIGTERM.
 */
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/redis/connection.js';
import { configuredRedisTarget } from '../../src/redis/resolve-redis.js';
import { createXurrentClient } from '../../src/xurrent/client.js';
import { createRedisLimiter, limiterKeyFor } from '../../src/xurrent/limiter.js';
import { createWorkers } from '../../workers/index.js';

const env = (name: string) => process.env[name] ?? '';
const prefix = env('PREFIX');
const token = env('XURRENT_TOKEN');
// The service's own defaults (BURST_LIMIT overrides them to prove the test can fail).
const { redis, queue, xurrentLimits, webhooks, sla, workflow, problems, registration, reports, resync } = loadConfig({
  // REDIS_URL, or the Sentinel settings of the failover test.
  REDIS_URL: process.env['REDIS_URL'],
  REDIS_SENTINELS: process.env['REDIS_SENTINELS'],
  REDIS_SENTINEL_NAME: process.env['REDIS_SENTINEL_NAME'],
  REDIS_MIN_REPLICAS_ACK: process.env['REDIS_MIN_REPLICAS_ACK'],
  QUEUE_PREFIX: prefix,
  // These tests count the workflow's writes; first-line registration has tests of its own.
  COMPLETENESS_RULES: 'none',
  // They count the resolution ladder's writes from registration, not the root-cause start.
  RESOLUTION_CLOCK_START: 'created',
  XURRENT_BURST_LIMIT: process.env['BURST_LIMIT'],
  XURRENT_BURST_WINDOW_MS: process.env['BURST_WINDOW_MS'],
  // The fault tests shorten job locks so a killed worker's jobs come back within seconds.
  WORKER_LOCK_MS: process.env['WORKER_LOCK_MS'],
  ESCALATION_L1_PERSON_ID: process.env['ESCALATION_L1_PERSON_ID'],
  ESCALATION_L2_PERSON_ID: process.env['ESCALATION_L2_PERSON_ID'],
});
const target = configuredRedisTarget(redis);
if (!target) throw new Error('worker-process needs REDIS_URL or REDIS_SENTINELS');
const limiterRedis = createRedis(target, 'worker', 'xsw-test-limiter');
limiterRedis.on('error', () => undefined); // the workers log Redis outages; the fault tests cause them
const limiter = createRedisLimiter({ redis: limiterRedis, prefix, key: limiterKeyFor(token), settings: xurrentLimits });
const logger = createLogger({ level: 'error', stream: process.stderr });
const config = {
  account: env('XURRENT_ACCOUNT'),
  graphqlUrl: env('XURRENT_GRAPHQL_URL'),
  oauthTokenUrl: 'http://127.0.0.1:9/token',
  auth: { kind: 'token' as const, token },
  timeoutMs: 5_000,
};
const xurrent = createXurrentClient({ config, logger, limiter });
const workers = createWorkers({
  config: { queue: { ...queue, concurrency: 5 }, webhooks, sla, workflow, problems, registration, reports, resync },
  redis: target,
  replicaAck: redis.replicaAck,
  xurrent,
  logger,
  clock: systemClock,
});

await Promise.all(workers.all.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void workers.close(true).then(() => {
    limiterRedis.disconnect();
    process.exit(0);
  });
});
