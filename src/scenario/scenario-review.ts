import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { createBusinessCalendar } from '../domain/calendar/business-calendar.js';
import type { Logger } from '../logger.js';
import { reportToJson, type SlaReportJson } from '../reports/report-json.js';
import { createReportStore } from '../reports/report-store.js';
import { createSlaReports, reportAvailabilityOf } from '../reports/sla-reports.js';

/**
 * The review of a scenario (`simulate --review`): the SLA report JSON of its whole period, from its
 * first step's instant to just after its last, as of the last, from the records the service kept,
 * under the scenario's own settings: what the review meeting would see after such a run.
 */
export async function scenarioReview(
  deps: { redis: Redis; prefix: string; config: Config; logger: Logger },
  period: { fromMs: number; toMs: number },
  asOfMs: number,
): Promise<SlaReportJson> {
  const { config } = deps;
  const zone = config.sla.calendar.zone;
  const reports = createSlaReports({
    source: createReportStore(deps.redis, deps.prefix, config.reports.retentionDays, deps.logger),
    goals: config.sla.goals,
    zone,
    clock: { now: () => asOfMs },
    availability: reportAvailabilityOf(
      createBusinessCalendar(config.sla.calendar),
      config.operations.deployment,
      config.reports.customerSettings,
    ),
  });
  return reportToJson(await reports.report(period), zone);
}
