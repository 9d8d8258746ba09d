import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from './config.js';
import { replayScenario, renderInbox } from './demo/scenario.js';
import { createLogger } from './logger.js';
import { startService } from './runtime/service.js';
import { redisAddressText } from './redis/describe-redis.js';
import { runShutdown } from './runtime/shutdown.js';

/**
 * `npm run demo`: the whole loop on this machine, without Xurrent. Starts Redis (or uses the local
 * one), the embedded simulator, the receiver and the workers; customers register a few requests;
 * prints what agents then see; stops and exits 0. Logs go to stderr at warn level.
 */
const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', QUEUE_PREFIX: `xsw-demo-${randomUUID().slice(0, 8)}` };
for (const key of ['XURRENT_TOKEN', 'XURRENT_CLIENT_ID', 'XURRENT_CLIENT_SECRET', 'XURRENT_ACCOUNT', 'XURRENT_SIMULATOR']) delete env[key];
const config = loadConfig(env);
const logger = createLogger({ level: config.log.level, stream: process.stderr });
const out = (text: string) => process.stdout.write(text);

const service = await startService({ config, logger, roles: { web: true, worker: true } });
let exitCode = 0;
try {
  const simulator = service.simulator;
  if (!simulator) throw new Error('the embedded simulator did not start');
  out(`Xurrent simulator ${simulator.url} · receiver ${service.httpUrl ?? '-'} · Redis ${redisAddressText(service.redisUrl)}\n`);
  out('A customer registers 3 requests; each fires a request.create webhook into the receiver...\n\n');
  const requests = await replayScenario(simulator, logger);
  out(`What agents see in Xurrent:\n\n${renderInbox(requests)}\n`);
  const perOperation = new Map<string, number>();
  for (const call of simulator.calls) perOperation.set(`${call.kind} ${call.operationName ?? ''}`.trim(), (perOperation.get(`${call.kind} ${call.operationName ?? ''}`.trim()) ?? 0) + 1);
  out(`Calls Xurrent received: ${[...perOperation].map(([op, n]) => `${op} ×${n}`).join(', ')}\n`);
  out(`Webhook deliveries: ${simulator.webhooks.deliveries.map((d) => `${d.event} → ${d.status}`).join(', ')}\n`);
} catch (error) {
  exitCode = 1;
  logger.error('demo failed', { component: 'demo', error: error instanceof Error ? error.message : String(error) });
} finally {
  const redisUrl = service.redisUrl;
  await runShutdown(service.shutdownSteps().filter((s) => s.name !== 'embedded-redis'), 10_000, logger);
  await deleteDemoKeys(redisUrl, config.queue.prefix).catch(() => undefined);
  await runShutdown(service.shutdownSteps().filter((s) => s.name === 'embedded-redis'), 10_000, logger);
}
process.exit(exitCode);

/** The demo leaves nothing behind in a shared Redis. */
async function deleteDemoKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
