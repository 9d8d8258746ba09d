import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { AdminCredentials } from '../../schema/env/operations.js';
import type { Logger } from '../logger.js';
import { adminEnabled, createAdminAuth } from './admin-auth.js';
import type { LoginThrottle } from './login-throttle.js';

/** Path prefixes of the operator surface; everything else (webhooks, health) never reaches this router. */
export const ADMIN_PATHS = ['/dashboard', '/reports', '/admin', '/metrics'] as const;

export interface AdminRouterDeps {
  credentials: AdminCredentials;
  /** Failed admin logins per client address, shared by every process on the same Redis (see runtime/operations.ts). */
  throttle: LoginThrottle;
  logger: Logger;
  /** Routers with the admin pages and APIs (/metrics, /reports/*, /dashboard, /admin/queues), mounted behind the auth. */
  routes?: readonly Router[];
}

/**
 * The operator surface, mounted at the app root: requests under `ADMIN_PATHS` get helmet headers,
 * `Cache-Control: no-store` and the admin auth before any route in `routes`; other paths leave the
 * router untouched, so a route registered here outside those prefixes is unreachable, never open.
 */
export function createAdminRouter({ credentials, throttle, logger, routes = [] }: AdminRouterDeps): Router {
  if (!adminEnabled(credentials)) {
    logger.warn('admin endpoints disabled (/metrics, /reports, /dashboard, /admin): set ADMIN_TOKEN or ADMIN_USER + ADMIN_PASSWORD', {
      component: 'admin',
    });
  }
  const router = express.Router();
  router.use((req, _res, next) => next(isAdminPath(req.path) ? undefined : 'router'));
  router.use(helmet(HELMET_OPTIONS), noStore, createAdminAuth(credentials, { throttle, logger }), rejectCrossSite);
  for (const route of routes) router.use(route);
  return router;
}

export function isAdminPath(path: string): boolean {
  const lower = path.toLowerCase();
  return ADMIN_PATHS.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}

/**
 * Helmet's defaults, minus the `https:` sources it allows for styles and fonts: admin pages load
 * nothing from third parties (Bull Board's Google Fonts link is blocked and falls back to local fonts).
 */
const HELMET_OPTIONS = {
  contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'font-src': ["'self'", 'data:'] } },
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends basic-auth credentials with cross-site requests too: refuse changes (Bull Board's
 * retry, clean, pause) that another site started. Fetch metadata first, `Origin` for older browsers;
 * a client that sends neither (curl, the CLI) is not a browser and is let through.
 */
const rejectCrossSite: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite =
    site !== undefined ? site !== 'same-origin' && site !== 'none' : origin !== undefined && hostOf(origin) !== req.get('host');
  if (!crossSite) return next();
  res.status(403).json({ error: 'Cross-site request refused' });
};

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

// Admin answers carry queue names, figures and request ids: keep them out of shared caches.
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
