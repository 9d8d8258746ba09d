import type { CsvTable } from '../../reports/report-csv.js';
import { defineCommand, UsageError } from '../command.js';
import { createProgress } from '../progress.js';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;
// The report-csv module's CSV_TABLES, written here so --help needs no report module loaded (a test keeps them equal).
export const TABLES: readonly CsvTable[] = ['goals', 'customers', 'priorities', 'breaches', 'weeks', 'xurrent'];

/**
 * `report sla [--from <date> --to <date>] [--customer <id or name>] [--format table|csv|json|html] [--table goals|customers|priorities|breaches|weeks] [--rebuild]`:
 * the SLA report from the records in Redis (REDIS_SENTINELS or REDIS_URL, else 127.0.0.1:6379), previous month by default.
 * `--format html` writes one self-contained page for one customer, to hand to them.
 * `--rebuild` first re-reads the requests from Xurrent and fills in those the records lack.
 */
export const reportSlaCommand = defineCommand({
  path: ['report', 'sla'],
  summary: 'SLA report of a period (--from/--to dates, default previous month; --customer) as table, csv, json or html (one customer)',
  flags: {
    from: {
      type: 'string',
      value: '<date>',
      description: 'first day (YYYY-MM-DD in the support zone, or an ISO instant with an offset); needs --to',
      defaultText: 'first day of the previous month',
    },
    to: { type: 'string', value: '<date>', description: 'last day, included; needs --from', defaultText: 'last day of the previous month' },
    customer: {
      type: 'string',
      value: '<id or name>',
      description: "one customer's report (its account id or name)",
      defaultText: 'every customer, with a per-customer table',
    },
    format: {
      type: 'string',
      value: `<${FORMATS.join('|')}>`,
      description: 'output format (table: times in the support zone; csv and json: ISO instants; html: one page for --customer)',
      default: 'table',
    },
    table: { type: 'string', value: `<${TABLES.join('|')}>`, description: 'which table --format csv prints', default: 'priorities' },
    rebuild: {
      type: 'boolean',
      description: 'first re-read the requests from Xurrent and fill in those the records lack (shows progress on stderr)',
    },
  },
  async run(flags, io) {
    const format = choice(flags.format, FORMATS, 'format');
    const table = choice(flags.table, TABLES, 'table');
    const [
      { createRedis },
      { loadConfig, readEnvWithDotenv },
      { reportToJson },
      { createReportStore },
      { reportToCsv },
      { reportToTable },
      { createSlaReports, parsePeriodQuery, periodDates, reportAvailabilityOf, UnknownCustomerError },
      { createLogger },
      { cliRedisTarget },
      { systemClock },
      { createBusinessCalendar },
    ] = await Promise.all([
      import('../../redis/connection.js'),
      import('../../config.js'),
      import('../../reports/report-json.js'),
      import('../../reports/report-store.js'),
      import('../../reports/report-csv.js'),
      import('../../reports/report-text.js'),
      import('../../reports/sla-reports.js'),
      import('../../logger.js'),
      import('../../redis/resolve-redis.js'),
      import('../../clock.js'),
      import('../../domain/calendar/business-calendar.js'),
    ]);
    const config = loadConfig(readEnvWithDotenv(io.env));
    const zone = config.sla.calendar.zone;
    const period = parsePeriodQuery(flags.from, flags.to, zone);
    if (!period.ok) throw new UsageError(`--${period.parameter}: ${period.message.replace(/^(from|to)\b/, '').trim()}`);

    const logger = createLogger({ level: 'error', stream: io.stderr });
    const redis = createRedis(cliRedisTarget(config.redis), 'cli', 'xsw-cli');
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const source = createReportStore(redis, config.queue.prefix, config.reports.retentionDays, logger);
      if (flags.rebuild) {
        if (!config.xurrent) throw new Error('--rebuild needs Xurrent: set XURRENT_ACCOUNT and XURRENT_TOKEN (or the OAuth client)');
        const [{ createXurrentClient }, { createWorkflowPolicy }, { fillMissing, rebuildFromXurrent }] = await Promise.all([
          import('../../xurrent/client.js'),
          import('../../../workers/workflow-policy.js'),
          import('../../reports/rebuild-from-xurrent.js'),
        ]);
        const nowMs = systemClock.now();
        const untilMs = period.period?.toMs ?? nowMs;
        const policy = createWorkflowPolicy(config);
        const deps = {
          xurrent: createXurrentClient({ config: config.xurrent, logger }),
          triage: policy.triage,
          sla: policy.sla,
          calendar: policy.calendar,
          workflow: policy,
        };
        const progress = createProgress(io, { label: 'requests read from Xurrent' });
        const rebuilt = await rebuildFromXurrent(deps, untilMs, nowMs, (read, total) => progress.update(read, total));
        progress.finish();
        io.stderr.write(
          `rebuilt from Xurrent: ${rebuilt.requests.length} requests read, ${await fillMissing(source, rebuilt, untilMs)} filled in\n`,
        );
      }
      const reports = createSlaReports({
        source,
        goals: config.sla.goals,
        zone,
        clock: systemClock,
        availability: reportAvailabilityOf(
          createBusinessCalendar(config.sla.calendar),
          config.operations.deployment,
          config.reports.customerSettings,
        ),
      });
      const customer = flags.customer;
      const report = reportToJson(
        await reports.report(period.period, customer).catch((error: unknown) => {
          throw error instanceof UnknownCustomerError ? new UsageError(`--customer: ${error.message}`) : error;
        }),
        zone,
      );
      if (format === 'html') {
        // One self-contained page to hand to the customer: only with a customer (the page over all customers would show them to each other).
        if (customer === undefined) throw new UsageError('--format html needs --customer <id or name>');
        const [{ renderCustomerPage }, { dashboardCss }] = await Promise.all([
          import('../../http/reports/render-customer-page.js'),
          import('../../http/reports/dashboard-assets.js'),
        ]);
        io.stdout.write(
          renderCustomerPage(report, {
            zone,
            period: periodDates({ fromMs: Date.parse(report.period.from ?? ''), toMs: Date.parse(report.period.to ?? '') }, zone),
            css: dashboardCss(),
          }),
        );
        return 0;
      }
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === 'csv'
            ? reportToCsv(report, table)
            : reportToTable(report, zone),
      );
      return 0;
    } finally {
      redis.disconnect();
    }
  },
});

function choice<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
