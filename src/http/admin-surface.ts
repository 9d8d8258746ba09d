import type { Router } from 'express';
import type { Registry } from 'prom-client';
import type { AdminCredentials } from '../../schema/env/operations.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { QUEUE_NAMES } from '../queue/names.js';
import type { OpenQueues } from '../queue/jobs.js';
import { createAdminRouter } from './admin-router.js';
import type { LoginThrottle } from './login-throttle.js';
import { createMetricsRoute } from './metrics-route.js';
import { createQueueBoardRoute } from './queue-board.js';
import { createReportRoutes, type ReportRoutesDeps } from './reports/report-routes.js';

export interface AdminSurfaceDeps {
  credentials: AdminCredentials;
  /** Failed admin logins per client address (runtime/operations.ts: in Redis, shared by every process). */
  throttle: LoginThrottle;
  /** This process's metrics, served at /metrics. */
  registry: Registry;
  /** The web process's pages; a worker's metrics server serves /metrics only. */
  pages?: {
    queues: OpenQueues;
    breakFixMode: Config['breakFix']['mode'];
    reports: Omit<ReportRoutesDeps, 'logger'>;
    /** `/reports/availability` (availability-route.ts, built over this process's availability reader). */
    availability: Router;
  };
}

/** Every admin route, behind the admin router's helmet, `no-store`, auth and cross-site check. */
export function createAdminSurface({ credentials, throttle, registry, pages }: AdminSurfaceDeps, logger: Logger): Router {
  const routes = [createMetricsRoute(registry)];
  if (pages) {
    // Break-fix in supplier mode has no forward or follow-up work: their queues have no worker, and Bull
    // Board would show them as "No workers". They reappear with XURRENT_ESCALATION_MODE=request.
    const hidden = pages.breakFixMode === 'supplier' ? [QUEUE_NAMES.xurrentForward, QUEUE_NAMES.xurrentFollowUp] : [];
    routes.push(createQueueBoardRoute(pages.queues, { hidden }), createReportRoutes({ ...pages.reports, logger }), pages.availability);
  }
  return createAdminRouter({ credentials, throttle, logger, routes });
}
