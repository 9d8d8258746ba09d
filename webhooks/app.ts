import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Queue } from 'bullmq';
import type { Logger } from '../src/logger.js';
import { createHealthRouter, type ReadinessCheck } from './health.js';
import { answer } from './respond.js';
import { createXurrentWebhookRouter } from './xurrent-route.js';

export interface WebAppDeps {
  queue: Queue;
  logger: Logger;
  maxBytes: number;
  readiness: readonly ReadinessCheck[];
}

export function createWebApp({ queue, logger, maxBytes, readiness }: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(createHealthRouter(readiness));
  app.use(createXurrentWebhookRouter({ queue, logger, maxBytes }));
  app.use(bodyErrorHandler(logger));
  return app;
}

/** Body-reading failures are the client's fault: answer 4xx, never 500, and never leak a stack. */
function bodyErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.too.large') return answer(res, 'tooLarge');
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return void res.status(error.status).json({ error: 'Bad request body' });
    }
    logger.error('unhandled error in HTTP handler', { component: 'http', error: error.message });
    res.status(500).json({ error: 'Internal error' });
  };
}
