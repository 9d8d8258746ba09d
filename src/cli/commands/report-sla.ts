import { loadConfig, readEnvWithDotenv } from '../../config.js';
import { reportToJson } from '../../reports/report-json.js';
import { createReportStore } from '../../reports/report-store.js';
import { CSV_TABLES, reportToCsv, reportToTable, type CsvTable } from '../../reports/report-text.js';
import { createSlaReports, parsePeriodQuery } from '../../reports/sla-reports.js';
import { createLogger } from '../../logger.js';
import { createRedis } from '../../redis/connection.js';
import { cliRedisTarget } from '../../redis/resolve-redis.js';
import { systemClock } from '../../clock.js';
import { createXurrentClient } from '../../xurrent/client.js';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { fillMissing, rebuildFromXurrent } from '../../reports/rebuild-from-xurrent.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';

const FORMATS = ['table', 'csv', 'json'] as const;

/**
 * `report sla [--from <date> --to <date>] [--format table|csv|json] [--table priorities|breaches|weeks] [--rebuild]`:
 * the SLA report from the records in Redis (REDIS_SENTINELS or REDIS_URL, else 127.0.0.1:6379), previous month by default.
 * `--rebuild` first re-reads the requests from Xurrent and fills in those the records lack.
 */
export const reportSlaCommand: CliCommand = {
  path: ['report', 'sla'],
  summary: 'SLA report of a period (--from/--to dates, default previous month) as table, csv or json',
  async run(args, io) {
    const flags = parseFlags(args, ['rebuild']);
    for (const name of flags.keys()) if (!['from', 'to', 'format', 'table', 'rebuild'].includes(name)) throw new UsageError(`Unknown flag --${name}`);
    const format = choice(flags.get('format') ?? 'table', FORMATS, 'format');
    const table = choice(flags.get('table') ?? 'priorities', CSV_TABLES, 'table') as CsvTable;
    const config = loadConfig(readEnvWithDotenv(io.env));
    const zone = config.sla.calendar.zone;
    const period = parsePeriodQuery(text(flags.get('from')), text(flags.get('to')), zone);
    if (!period.ok) throw new UsageError(`--${period.parameter}: ${period.message.replace(/^(from|to)\b/, '').trim()}`);

    const logger = createLogger({ level: 'error', stream: io.stderr });
    const redis = createRedis(cliRedisTarget(config.redis), 'cli', 'xsw-cli');
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const source = createReportStore(redis, config.queue.prefix, config.reports.retentionDays, logger);
      if (flags.has('rebuild')) {
        if (!config.xurrent) throw new Error('--rebuild needs Xurrent: set XURRENT_ACCOUNT and XURRENT_TOKEN (or the OAuth client)');
        const nowMs = systemClock.now();
        const untilMs = period.period?.toMs ?? nowMs;
        const deps = {
          xurrent: createXurrentClient({ config: config.xurrent, logger }),
          triage: { priorityRules: config.workflow.priorityRules, xurrentServiceInstanceIds: config.workflow.xurrentServiceInstanceIds },
          sla: config.sla,
          calendar: createBusinessCalendar(config.sla.calendar),
        };
        const rebuilt = await rebuildFromXurrent(deps, untilMs, nowMs);
        io.stderr.write(`rebuilt from Xurrent: ${rebuilt.requests.length} requests read, ${await fillMissing(source, rebuilt, untilMs)} filled in\n`);
      }
      const report = reportToJson(await createSlaReports({ source, goals: config.sla.goals, zone, clock: systemClock }).report(period.period), zone);
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
