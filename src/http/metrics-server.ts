import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { AdminSurfaceDeps } from './admin-surface.js';
import { createHttpApp } from './app.js';
import { createHttpServer } from './http-server.js';

/** A worker-only process serves its own /metrics on `METRICS_PORT` (same admin auth), when set. */
export async function startMetricsServer(deps: {
  config: Pick<Readonly<Config>, 'http' | 'operations'>;
  logger: Logger;
  admin: Omit<AdminSurfaceDeps, 'pages'>;
}): Promise<Server | undefined> {
  const { config, logger } = deps;
  const port = config.operations.metricsPort;
  if (port === undefined) return undefined;
  const app = createHttpApp({ logger, trustProxy: config.http.trustProxy, admin: deps.admin });
  const server = createHttpServer(app, config.http.limits, logger);
  server.listen(port, config.http.host);
  await once(server, 'listening');
  logger.info('metrics listening', { component: 'metrics', port: (server.address() as AddressInfo).port });
  return server;
}
