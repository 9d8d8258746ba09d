import express, { type ErrorRequestHandler, type Express } from 'express';
import { createXurrentIntake, type IntakeDeps } from '../../webhooks/intake.js';
import type { WebhookMetrics } from '../../webhooks/metrics.js';
import { answer } from '../../webhooks/respond.js';
import { XURRENT_WEBHOOK_PATH } from '../../webhooks/xurrent-route.js';
import type { Logger } from '../logger.js';
import { createAdminSurface, type AdminSurfaceDeps } from './admin-surface.js';
import { createHealthRouter, type ReadinessCheck } from './health.js';

/** The web role's public side: the Xurrent receiver (`webhooks/`) and the health probes. */
export type ReceiverDeps = Omit<IntakeDeps, 'logger'> & { readiness: readonly ReadinessCheck[] };

export interface HttpAppDeps {
  logger: Logger;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies may name the client address the admin throttle counts by. */
  trustProxy?: false | number | string[];
  /** Absent in a worker's `METRICS_PORT` server, which serves the admin surface's /metrics only. */
  receiver?: ReceiverDeps;
  /** The operator surface behind the admin auth (admin-surface.ts); absent, no admin path answers. */
  admin?: AdminSurfaceDeps;
}

/**
 * The one express app of a process: the web process (and `npm start`'s embedded mode) gets the
 * webhook route, the health probes and the admin surface; a worker's metrics server the admin
 * surface alone.
 */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  const { receiver } = deps;
  // Built before the intake, so the start-up warnings keep their order (admin first, then the webhook settings).
  const admin = deps.admin ? createAdminSurface(deps.admin, deps.logger) : undefined;
  // The webhook route first: it is the hot path, and health probes need no express work before theirs.
  const intake = receiver ? createXurrentIntake({ ...receiver, logger: deps.logger }) : undefined;
  if (receiver && intake) {
    app.post(XURRENT_WEBHOOK_PATH, ...intake.handlers);
    app.use(createHealthRouter(receiver.readiness));
  }
  if (admin) app.use(admin);
  if (intake) app.use(bodyErrorHandler(deps.logger, intake.metrics));
  return app;
}

/** Body-reading failures are the client's fault: answer 4xx, never 500, and never leak a stack. */
function bodyErrorHandler(logger: Logger, metrics: WebhookMetrics): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.too.large') {
      metrics.record('tooLarge');
      return answer(res, 'tooLarge');
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      if (error.status === 415) {
        metrics.record('unsupportedMediaType');
        return answer(res, 'unsupportedMediaType');
      }
      return void res.status(error.status).json({ error: 'Bad request body' });
    }
    logger.error('unhandled error in HTTP handler', { component: 'http', error: error.message });
    res.status(500).json({ error: 'Internal error' });
  };
}
