import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from './config.js';
import { startEmbeddedSimulator } from './demo/embedded-simulator.js';
import { replayScenario, renderInbox, summariseCalls, summariseDeliveries } from './demo/scenario.js';
import { createLogger } from './logger.js';
import { QUEUE_NAMES } from './queue/names.js';
import { createRedis } from './redis/connection.js';
import { deletePrefixedKeys } from './redis/delete-prefixed-keys.js';
import { resolveRedis } from './redis/resolve-redis.js';
import type { RedisTarget } from './redis/redis-target.js';
import { describeRedisUrl } from './redis/describe-redis.js';
import { createResyncState } from './resync/resync-state.js';
import { startService } from './runtime/service.js';
import { runShutdown } from './runtime/shutdown.js';
import { waitUntilIdle } from './scenario/wait-idle.js';

/**
 * `npm run demo`: the whole loop on this machine, without Xurrent. Starts Redis (or uses the local
 * one), the embedded simulator, the receiver and the workers; customers register a few requests;
 * prints what agents then see; stops and exits 0. Logs go to stderr at warn level.
 * `npm run demo -- --serve` keeps the service running afterwards, with the admin pages on, so the
 * dashboard and Bull Board show the demo's data until Ctrl-C.
 */
const USAGE = `Usage: npm run --silent demo [-- --serve] [-- --port <n>]

  --serve       keep the service running after the demo, with /dashboard and /admin/queues
                (ADMIN_USER/ADMIN_PASSWORD or ADMIN_TOKEN when set, else a user "demo" with a
                one-time password printed here); Ctrl-C stops it and removes the demo's keys
  --port <n>    the receiver's port with --serve [3000]; without --serve a free port
  -h, --help    this text
`;
let args: { serve: boolean; port: string | undefined; help: boolean };
try {
  const { values } = parseArgs({
    options: {
      serve: { type: 'boolean', default: false },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  args = { serve: values.serve, port: values.port, help: values.help };
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const prefix = `xsw-demo-${randomUUID().slice(0, 8)}`;
const env: Record<string, string | undefined> = {
  ...process.env,
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: args.serve ? (args.port ?? '3000') : '0',
  LOG_LEVEL: 'warn',
  QUEUE_PREFIX: prefix,
};
for (const key of ['XURRENT_TOKEN', 'XURRENT_CLIENT_ID', 'XURRENT_CLIENT_SECRET', 'XURRENT_ACCOUNT', 'XURRENT_SIMULATOR']) delete env[key];
// A one-time local login so a newcomer sees the dashboard without configuring anything first.
const demoPassword = args.serve && !env['ADMIN_TOKEN'] && !env['ADMIN_USER'] ? randomBytes(12).toString('base64url') : undefined;
if (demoPassword) Object.assign(env, { ADMIN_USER: 'demo', ADMIN_PASSWORD: demoPassword });
// Without --serve the admin pages stay off on purpose: their start-up warning would only be noise here.
const logger = createLogger({ level: args.serve ? 'warn' : 'error', stream: process.stderr });
const out = (text: string) => process.stdout.write(text);

// Redis first, so the demo's world can be marked as holding the worker's state before the worker
// starts: the embedded simulator is new on every run, so there is nothing to resync (no cold start).
const redis = await resolveRedis(loadConfig(env).redis, logger);
const config = redis.embedded && redis.target.kind === 'url' ? loadConfig({ ...env, REDIS_URL: redis.target.url }) : loadConfig(env);
const marker = createRedis(redis.target, 'worker', 'xsw-demo');
await createResyncState(marker, prefix).claimMarker(Date.now());

const service = await startService({ config, logger, roles: { web: true, worker: true }, embeddedXurrent: startEmbeddedSimulator });
let exitCode = 0;
try {
  const simulator = service.embeddedXurrent?.simulator;
  if (!simulator) throw new Error('the embedded simulator did not start');
  out(`Xurrent simulator ${simulator.url} · receiver ${service.httpUrl ?? '-'} · Redis ${redisWhere(redis.target)}\n`);
  out('A customer registers 3 requests; each fires a request.create webhook into the receiver...\n\n');
  const requests = await replayScenario(simulator, logger);
  // Every echo of the worker's own writes answered and processed: no delivery is shown in flight.
  // Delayed jobs of these queues lie in the future (SLA timers, follow-ups, the sweep's schedule).
  const later: readonly string[] = [QUEUE_NAMES.slaTimers, QUEUE_NAMES.rcaFollowUp, QUEUE_NAMES.xurrentFollowUp, QUEUE_NAMES.resync];
  const queues = service.operations.queues.all;
  await waitUntilIdle({
    webhooksIdle: () => simulator.webhooks.idle(),
    work: queues.filter((q) => !later.includes(q.name)),
    timers: queues.filter((q) => later.includes(q.name)),
    timeoutMs: 30_000,
  });
  out(`What agents see in Xurrent:\n\n${renderInbox(requests)}\n`);
  out(`Calls Xurrent received: ${summariseCalls(simulator.calls)}\n`);
  out(`Webhook deliveries: ${summariseDeliveries(simulator.webhooks.deliveries)}\n`);
  if (args.serve) await serve(service.httpUrl ?? '', config.sla.calendar.zone);
} catch (error) {
  exitCode = 1;
  logger.error('demo failed', { component: 'demo', error: error instanceof Error ? error.message : String(error) });
} finally {
  await runShutdown(
    service.shutdownSteps().filter((s) => s.name !== 'embedded-redis'),
    10_000,
    logger,
  );
  await deletePrefixedKeys(marker, prefix).catch(() => undefined);
  marker.disconnect();
  await redis.embedded?.stop();
}
process.exit(exitCode);

/** Keeps the service up with the admin pages on until SIGINT or SIGTERM. */
async function serve(httpUrl: string, zone: string): Promise<void> {
  const today = DateTime.now().setZone(zone);
  const period = `from=${today.startOf('month').toISODate()}&to=${today.toISODate()}`;
  out(`\nThe service keeps running with the demo's data (Redis prefix ${prefix}):\n`);
  out(`  dashboard   ${httpUrl}/dashboard?${period}\n`);
  out(`  Bull Board  ${httpUrl}/admin/queues\n`);
  out(
    demoPassword
      ? `  login       user "demo", password "${demoPassword}" (for this run only)\n`
      : '  login       the ADMIN_* credentials you configured\n',
  );
  out("Ctrl-C stops it and removes the demo's keys.\n");
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
}

function redisWhere(target: RedisTarget): string {
  if (target.kind !== 'url') return `Sentinel group ${target.name}`;
  const address = describeRedisUrl(target.url);
  return address === 'unparseable' ? 'an unparseable Redis URL' : `${address.host}:${address.port}`;
}
