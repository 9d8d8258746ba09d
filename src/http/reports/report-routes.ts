import type { Redis } from 'ioredis';
import type { Router } from 'express';
import { createReportsRouter, type ReportsRouterDeps } from './reports-router.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createReportStore } from '../../reports/report-store.js';
import { createSlaReports, reportAvailabilityOf } from '../../reports/sla-reports.js';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';

export interface ReportRoutesDeps {
  config: Pick<Config, 'queue' | 'sla' | 'reports' | 'operations'> & Partial<Pick<Config, 'webhooks'>>;
  redis: Redis;
  clock: Clock;
  logger: Logger;
  /** The service's availability for the dashboard's tile (src/runtime/availability.ts). */
  availability?: ReportsRouterDeps['availability'];
  /** The sweep's status for the dashboard's webhook-health line (src/resync/resync-state.ts). */
  webhookHealth?: ReportsRouterDeps['webhookHealth'];
}

/** `/reports/sla` and `/dashboard` over the report records in Redis, for the admin router. */
export function createReportRoutes(deps: ReportRoutesDeps): Router {
  const { config, redis, clock, logger, availability, webhookHealth } = deps;
  const source = createReportStore(redis, config.queue.prefix, config.reports.retentionDays, logger);
  const zone = config.sla.calendar.zone;
  // Xurrent's UI lives on the account's host: https://<account>.<domain>/requests/<number>.
  const accountUrl = config.webhooks?.accountUrl;
  const requestUrl = accountUrl ? (number: string) => `${accountUrl}/requests/${encodeURIComponent(number)}` : undefined;
  return createReportsRouter({
    reports: createSlaReports({
      source,
      goals: config.sla.goals,
      zone,
      clock,
      availability: reportAvailabilityOf(
        createBusinessCalendar(config.sla.calendar),
        config.operations.deployment,
        config.reports.customerSettings,
      ),
    }),
    zone,
    logger,
    ...(availability ? { availability } : {}),
    ...(webhookHealth ? { webhookHealth } : {}),
    ...(requestUrl ? { requestUrl } : {}),
  });
}
