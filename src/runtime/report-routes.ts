import type { Redis } from 'ioredis';
import type { Router } from 'express';
import { createReportsRouter } from '../../webhooks/reports/reports-router.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createReportStore } from '../reports/report-store.js';
import { createSlaReports } from '../reports/sla-reports.js';

/** `/reports/sla` and `/dashboard` over the report records in Redis, for the admin router. */
export function createReportRoutes(deps: { config: Pick<Config, 'queue' | 'sla' | 'reports'>; redis: Redis; clock: Clock; logger: Logger }): Router {
  const { config, redis, clock, logger } = deps;
  const source = createReportStore(redis, config.queue.prefix, config.reports.retentionDays, logger);
  const zone = config.sla.calendar.zone;
  return createReportsRouter({ reports: createSlaReports({ source, goals: config.sla.goals, zone, clock }), zone, logger });
}
