import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Logger } from '../logger.js';
import { createHealthRouter, type ReadinessCheck } from '../../webhooks/health.js';
import { createXurrentIntake, type IntakeDeps } from '../../webhooks/intake.js';
import type { WebhookMetrics } from '../../webhooks/metrics.js';
import { answer } from '../../webhooks/respond.js';
import { XURRENT_WEBHOOK_PATH } from '../../webhooks/xurrent-route.js';

export interface WebAppDeps extends IntakeDeps {
  readiness: readonly ReadinessCheck[];
  /** The operator surface (src/http/admin-router.ts), mounted after the webhook and health routes. */
  admin?: Router;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies may name the client address the admin throttle counts by. */
  trustProxy?: false | number | string[];
}

export function createWebApp(deps: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  // The webhook route first: it is the hot path, and health probes need no express work before theirs.
  const intake = createXurrentIntake(deps);
  app.post(XURRENT_WEBHOOK_PATH, ...intake.handlers);
  app.use(createHealthRouter(deps.readiness));
  if (deps.admin) app.use(deps.admin);
  app.use(bodyErrorHandler(deps.logger, intake.metrics));
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
