import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { AdminCredentials } from '../../schema/env/operations.js';
import type { Logger } from '../logger.js';
import { adminEnabled, createAdminAuth } from './admin-auth.js';

/** Path prefixes of the operator surface; everything else (webhooks, health) never reaches this router. */
export const ADMIN_PATHS = ['/dashboard', '/reports', '/admin', '/metrics'] as const;

export interface AdminRouterDeps {
  credentials: AdminCredentials;
  logger: Logger;
  /** Routers with the admin pages and APIs (/metrics, /reports/*, /dashboard, /admin/queues), mounted behind the auth. */
  routes?: readonly Router[];
}

/**
 * The operator surface, mounted at the app root: requests under `ADMIN_PATHS` get helmet headers,
 * `Cache-Control: no-store` and the admin auth before any route in `routes`; other paths leave the
 * router untouched, so a route registered here outside those prefixes is unreachable, never open.
 */
export function createAdminRouter({ credentials, logger, routes = [] }: AdminRouterDeps): Router {
  if (!adminEnabled(credentials)) {
    logger.warn('admin endpoints disabled (/metrics, /reports, /dashboard, /admin): set ADMIN_TOKEN or ADMIN_USER + ADMIN_PASSWORD', { component: 'admin' });
  }
  const router = express.Router();
  router.use((req, _res, next) => next(isAdminPath(req.path) ? undefined : 'router'));
  router.use(helmet(), noStore, createAdminAuth(credentials));
  for (const route of routes) router.use(route);
  return router;
}

export function isAdminPath(path: string): boolean {
  const lower = path.toLowerCase();
  return ADMIN_PATHS.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}

// Admin answers carry queue names, figures and request ids: keep them out of shared caches.
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
