import express, { type Router } from 'express';

export interface ReadinessCheck {
  name: string;
  /** A failing warn-only check is reported under `warnings` but leaves the service ready. */
  warnOnly?: boolean;
  /** Resolves with a reason when not ready, undefined when ready. */
  check: () => Promise<string | undefined>;
}

/** `/healthz`: the process answers. `/readyz`: every dependency it needs answers too. */
export function createHealthRouter(checks: readonly ReadinessCheck[]): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check, warnOnly = false }) => {
        try {
          return { name, warnOnly, reason: await check() };
        } catch (error) {
          return { name, warnOnly, reason: error instanceof Error ? error.message : 'check failed' };
        }
      }),
    );
    const failing = results.filter((r) => r.reason !== undefined && !r.warnOnly);
    const warned = results.filter((r) => r.reason !== undefined && r.warnOnly);
    const warnings = warned.length > 0 ? { warnings: Object.fromEntries(warned.map((r) => [r.name, r.reason])) } : {};
    if (failing.length === 0) return void res.json({ status: 'ready', checks: results.map((r) => r.name), ...warnings });
    res.status(503).json({ status: 'not_ready', reasons: Object.fromEntries(failing.map((r) => [r.name, r.reason])), ...warnings });
  });
  return router;
}
