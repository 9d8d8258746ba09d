import { Redis } from 'ioredis';
import { loadConfig, readEnvWithDotenv } from '../../config.js';
import { reportToJson } from '../../reports/report-json.js';
import { createReportStore } from '../../reports/report-store.js';
import { CSV_TABLES, reportToCsv, reportToTable, type CsvTable } from '../../reports/report-text.js';
import { createSlaReports, parsePeriodQuery, periodDates, reportAvailabilityOf, UnknownCustomerError } from '../../reports/sla-reports.js';
import { renderCustomerPage } from '../../../webhooks/reports/render-customer-page.js';
import { dashboardCss } from '../../../webhooks/reports/dashboard-assets.js';
import { createLogger } from '../../logger.js';
import { DEFAULT_REDIS_URL } from '../../redis/resolve-redis.js';
import { systemClock } from '../../clock.js';
import { createXurrentClient } from '../../xurrent/client.js';
import { createWorkflowPolicy } from '../../../workers/workflow-policy.js';
import { fillMissing, rebuildFromXurrent } from '../../reports/rebuild-from-xurrent.js';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;

/**
 * `report sla [--from <date> --to <date>] [--customer <id or name>] [--format table|csv|json|html] [--table goals|customers|priorities|breaches|weeks] [--rebuild]`:
 * the SLA report from the records in Redis (REDIS_URL, else 127.0.0.1:6379), previous month by default.
 * `--rebuild` first re-reads the requests from Xurrent and fills in those the records lack.
 */
export const reportSlaCommand: CliCommand = {
  path: ['report', 'sla'],
  summary: 'SLA report of a period (--from/--to dates, default previous month; --customer) as table, csv, json or html (one customer)',
  async run(args, io) {
    const flags = parseFlags(args, ['rebuild']);
    for (const name of flags.keys()) if (!['from', 'to', 'format', 'table', 'rebuild', 'customer'].includes(name)) throw new UsageError(`Unknown flag --${name}`);
    const format = choice(flags.get('format') ?? 'table', FORMATS, 'format');
    const table = choice(flags.get('table') ?? 'priorities', CSV_TABLES, 'table') as CsvTable;
    const config = loadConfig(readEnvWithDotenv(io.env));
    const zone = config.sla.calendar.zone;
    const period = parsePeriodQuery(text(flags.get('from')), text(flags.get('to')), zone);
    if (!period.ok) throw new UsageError(`--${period.parameter}: ${period.message.replace(/^(from|to)\b/, '').trim()}`);

    const logger = createLogger({ level: 'error', stream: io.stderr });
    const redis = new Redis(config.redis.url ?? DEFAULT_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const source = createReportStore(redis, config.queue.prefix, config.reports.retentionDays, logger);
      if (flags.has('rebuild')) {
        if (!config.xurrent) throw new Error('--rebuild needs Xurrent: set XURRENT_ACCOUNT and XURRENT_TOKEN (or the OAuth client)');
        const nowMs = systemClock.now();
        const untilMs = period.period?.toMs ?? nowMs;
        const policy = createWorkflowPolicy(config);
        const deps = { xurrent: createXurrentClient({ config: config.xurrent, logger }), triage: policy.triage, sla: policy.sla, calendar: policy.calendar, workflow: policy };
        const rebuilt = await rebuildFromXurrent(deps, untilMs, nowMs);
        io.stderr.write(`rebuilt from Xurrent: ${rebuilt.requests.length} requests read, ${await fillMissing(source, rebuilt, untilMs)} filled in\n`);
      }
      const reports = createSlaReports({ source, goals: config.sla.goals, zone, clock: systemClock, availability: reportAvailabilityOf(createBusinessCalendar(config.sla.calendar), config.operations.deployment, config.reports.customerSettings) });
      const customer = text(flags.get('customer'));
      const report = reportToJson(
        await reports.report(period.period, customer).catch((error: unknown) => {
          throw error instanceof UnknownCustomerError ? new UsageError(`--customer: ${error.message}`) : error;
        }),
        zone,
      );
      if (format === 'html') {
        // One self-contained page to hand to the customer: only with a customer (the page over all customers would show them to each other).
        if (customer === undefined) throw new UsageError('--format html needs --customer <id or name>');
        io.stdout.write(renderCustomerPage(report, { zone, period: periodDates({ fromMs: Date.parse(report.period.from ?? ''), toMs: Date.parse(report.period.to ?? '') }, zone), css: dashboardCss() }));
        return 0;
      }
      io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? reportToCsv(report, table) : reportToTable(report));
      return 0;
    } finally {
      redis.disconnect();
    }
  },
};

function text(value: string | true | undefined): string | undefined {
  if (value === true) throw new UsageError('Flags need a value');
  return value;
}

function choice<T extends string>(value: string | true, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
