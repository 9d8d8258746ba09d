import express, { type Router } from 'express';
import type { Registry } from 'prom-client';

/** `GET /metrics` in Prometheus text format; mounted behind the admin router's auth. */
export function createMetricsRoute(registry: Registry): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
