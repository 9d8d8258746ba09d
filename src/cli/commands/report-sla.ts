import type { CsvTable } from '../../reports/report-text.js';
import { defineCommand, UsageError } from '../command.js';
import { createProgress } from '../progress.js';

const FORMATS = ['table', 'csv', 'json'] as const;
const TABLES: readonly CsvTable[] = ['priorities', 'breaches', 'weeks'];

/**
 * `report sla [--from <date> --to <date>] [--format table|csv|json] [--table priorities|breaches|weeks] [--rebuild]`:
 * the SLA report from the records in Redis (REDIS_SENTINELS or REDIS_URL, else 127.0.0.1:6379), previous month by default.
 * `--rebuild` first re-reads the requests from Xurrent and fills in those the records lack.
 */
export const reportSlaCommand = defineCommand({
  path: ['report', 'sla'],
  summary: 'SLA report of a period (--from/--to dates, default previous month) as table, csv or json',
  flags: {
    from: { type: 'string', value: '<date>', description: 'first day (YYYY-MM-DD in the support zone, or an ISO instant with an offset); needs --to', defaultText: 'first day of the previous month' },
    to: { type: 'string', value: '<date>', description: 'last day, included; needs --from', defaultText: 'last day of the previous month' },
    format: { type: 'string', value: `<${FORMATS.join('|')}>`, description: 'output format (table: times in the support zone; csv and json: ISO instants)', default: 'table' },
    table: { type: 'string', value: `<${TABLES.join('|')}>`, description: 'which table --format csv prints', default: 'priorities' },
    rebuild: { type: 'boolean', description: "first re-read the requests from Xurrent and fill in those the records lack (shows progress on stderr)" },
  },
  async run(flags, io) {
    const format = choice(flags.format, FORMATS, 'format');
    const table = choice(flags.table, TABLES, 'table');
    const [{ createRedis }, { loadConfig, readEnvWithDotenv }, { reportToJson }, { createReportStore }, { reportToCsv, reportToTable }, { createSlaReports, parsePeriodQuery }, { createLogger }, { cliRedisTarget }, { systemClock }] =
      await Promise.all([
        import('../../redis/connection.js'),
        import('../../config.js'),
        import('../../reports/report-json.js'),
        import('../../reports/report-store.js'),
        import('../../reports/report-text.js'),
        import('../../reports/sla-reports.js'),
        import('../../logger.js'),
        import('../../redis/resolve-redis.js'),
        import('../../clock.js'),
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
        const deps = { xurrent: createXurrentClient({ config: config.xurrent, logger }), triage: policy.triage, sla: policy.sla, calendar: policy.calendar, workflow: policy };
        const progress = createProgress(io, { label: 'requests read from Xurrent' });
        const rebuilt = await rebuildFromXurrent(deps, untilMs, nowMs, (read, total) => progress.update(read, total));
        progress.finish();
        io.stderr.write(`rebuilt from Xurrent: ${rebuilt.requests.length} requests read, ${await fillMissing(source, rebuilt, untilMs)} filled in\n`);
      }
      const report = reportToJson(await createSlaReports({ source, goals: config.sla.goals, zone, clock: systemClock }).report(period.period), zone);
      io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? reportToCsv(report, table) : reportToTable(report, zone));
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
