import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** The page's own files live in `public/dashboard` at the project root (found upwards, so `dist/` works too). */
export function publicDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'public', 'dashboard'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('public/dashboard not found above the dashboard module');
    dir = parent;
  }
  return join(dir, 'public', 'dashboard');
}

/** Chart.js's UMD bundle from node_modules (its `exports` hide `dist/`, so found next to the main file). */
function chartBundle(): string {
  return join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
}

/** Serves the dashboard's script, styles and the chart library: same origin, no CDN. */
export function createDashboardAssets(): Router {
  const router = express.Router();
  const options = { maxAge: '1h', dotfiles: 'deny' as const };
  const bundle = chartBundle();
  router.get('/chart.umd.min.js', (_req, res) => res.type('application/javascript').sendFile(bundle, options));
  router.use(express.static(publicDir(), { ...options, index: false }));
  return router;
}

/** The dashboard's own styles as text, for a page that must carry them inline (the customer's page). */
export function dashboardCss(): string {
  return readFileSync(join(publicDir(), 'dashboard.css'), 'utf8');
}
