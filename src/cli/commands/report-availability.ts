import { availabilityToJson } from '../../availability/availability-json.js';
import { availabilityToText } from '../../availability/availability-text.js';
import { readAvailabilityReport } from '../../availability/read-availability.js';
import { systemClock } from '../../clock.js';
import { loadConfig, readEnvWithDotenv } from '../../config.js';
import { monthPeriod, previousMonthOf } from '../../domain/reports/month-period.js';
import { createRedis } from '../../redis/connection.js';
import { cliRedisTarget } from '../../redis/resolve-redis.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';

/** `report availability [--month YYYY-MM] [--format table|json]`: the service's own availability, previous month by default. */
export const reportAvailabilityCommand: CliCommand = {
  path: ['report', 'availability'],
  summary: "the service's own availability of a month (--month YYYY-MM, default previous) as table or json",
  async run(args, io) {
    const flags = parseFlags(args);
    for (const name of flags.keys()) if (name !== 'month' && name !== 'format') throw new UsageError(`Unknown flag --${name}`);
    const format = flags.get('format') ?? 'table';
    if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
    const config = loadConfig(readEnvWithDotenv(io.env));
    const zone = config.sla.calendar.zone;
    const nowMs = systemClock.now();
    const given = flags.get('month');
    const month = given === undefined ? previousMonthOf(nowMs, zone) : String(given);
    const period = monthPeriod(month, zone);
    if (!period) throw new UsageError('--month must be YYYY-MM');
    if (period.fromMs > nowMs) throw new UsageError('--month has not started yet');

    const redis = createRedis(cliRedisTarget(config.redis), 'cli', 'xsw-cli');
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const report = availabilityToJson(await readAvailabilityReport({ redis, config, ...period, nowMs }), month);
      io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : availabilityToText(report));
      return 0;
    } finally {
      redis.disconnect();
    }
  },
};
