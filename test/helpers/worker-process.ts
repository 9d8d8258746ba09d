/**
 * A worker process for the throughput test: the real request-event workers with a Xurrent client
 * paced by the shared Redis limiter. Prints "ready" once started; stops on SIGTERM.
 */
import { Redis } from 'ioredis';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createXurrentClient } from '../../src/xurrent/client.js';
import { createRedisLimiter, limiterKeyFor } from '../../src/xurrent/limiter.js';
import { createWorkers } from '../../workers/index.js';

const env = (name: string) => process.env[name] ?? '';
const redisUrl = env('REDIS_URL');
const prefix = env('PREFIX');
const token = env('XURRENT_TOKEN');
const limiterRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
limiterRedis.on('error', () => undefined); // the workers log Redis outages; the fault tests cause them
// The service's own defaults (BURST_LIMIT overrides them to prove the test can fail).
const { queue, xurrentLimits, webhooks, sla, workflow, problems, registration, reports, resync } = loadConfig({
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
const limiter = createRedisLimiter({ redis: limiterRedis, prefix, key: limiterKeyFor(token), settings: xurrentLimits });
const logger = createLogger({ level: 'error', stream: process.stderr });
const config = { account: env('XURRENT_ACCOUNT'), graphqlUrl: env('XURRENT_GRAPHQL_URL'), oauthTokenUrl: 'http://127.0.0.1:9/token', auth: { kind: 'token' as const, token }, timeoutMs: 5_000 };
const xurrent = createXurrentClient({ config, logger, limiter });
const workers = createWorkers({ config: { queue: { ...queue, concurrency: 5 }, webhooks, sla, workflow, problems, registration, reports, resync }, redisUrl, xurrent, logger, clock: systemClock });

await Promise.all(workers.all.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void workers.close(true).then(() => {
    limiterRedis.disconnect();
    process.exit(0);
  });
});
