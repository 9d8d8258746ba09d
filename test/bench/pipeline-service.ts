/**
 * One process of the pipeline benchmark: the real service (`startService`, as `npm run start:web` /
 * `start:worker` run it) in the role named by ROLE (web | worker), configured from its env. The one
 * change from production: the shared Xurrent limiter is opened wide (BENCH_BURST_LIMIT per window),
 * because the benchmark measures the service's own cost, not Xurrent's 20 calls per 2 s (see the
 * README: in production that budget, not the service, bounds events per second).
 * Prints "ready" once started; stops on SIGTERM like the entrypoints do.
 */
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { runShutdown } from '../../src/runtime/shutdown.js';
import { startService } from '../../src/runtime/service.js';

const role = process.env['ROLE'] === 'web' ? 'web' : 'worker';
const loaded = loadConfig(process.env);
const burstLimit = Number(process.env['BENCH_BURST_LIMIT'] ?? 1_000_000);
const config = { ...loaded, xurrentLimits: { ...loaded.xurrentLimits, burstLimit, burstWindowMs: 2_000 } };
const logger = createLogger({ level: 'error', stream: process.stderr });
const service = await startService({ config, logger, roles: { web: role === 'web', worker: role === 'worker' } });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void runShutdown(service.shutdownSteps(), 15_000, logger).then((clean) => process.exit(clean ? 0 : 1));
});
