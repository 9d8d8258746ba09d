import { defineCommand, UsageError } from '../command.js';

const FORMATS = ['table', 'json'];

/** `report availability [--month YYYY-MM] [--format table|json]`: the service's own availability, previous month by default. */
export const reportAvailabilityCommand = defineCommand({
  path: ['report', 'availability'],
  summary: "the service's own availability of a month (--month YYYY-MM, default previous) as table or json",
  flags: {
    month: { type: 'string', value: '<YYYY-MM>', description: 'the month, in the support zone', defaultText: 'the previous month' },
    format: {
      type: 'string',
      value: '<table|json>',
      description: 'output format (table: times in the support zone; json: ISO instants)',
      default: 'table',
    },
  },
  async run(flags, io) {
    if (!FORMATS.includes(flags.format)) throw new UsageError('--format must be table or json');
    const [
      { createRedis },
      { availabilityToJson },
      { availabilityToText },
      { readAvailabilityReport },
      { systemClock },
      { loadConfig, readEnvWithDotenv },
      { monthPeriod, previousMonthOf },
      { cliRedisTarget },
    ] = await Promise.all([
      import('../../redis/connection.js'),
      import('../../availability/availability-json.js'),
      import('../../availability/availability-text.js'),
      import('../../availability/read-availability.js'),
      import('../../clock.js'),
      import('../../config.js'),
      import('../../domain/reports/month-period.js'),
      import('../../redis/resolve-redis.js'),
    ]);
    const config = loadConfig(readEnvWithDotenv(io.env));
    const zone = config.sla.calendar.zone;
    const nowMs = systemClock.now();
    const month = flags.month ?? previousMonthOf(nowMs, zone);
    const period = monthPeriod(month, zone);
    if (!period) throw new UsageError('--month must be YYYY-MM');
    if (period.fromMs > nowMs) throw new UsageError('--month has not started yet');

    const redis = createRedis(cliRedisTarget(config.redis), 'cli', 'xsw-cli');
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const report = availabilityToJson(await readAvailabilityReport({ redis, config, ...period, nowMs }), month);
      io.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : availabilityToText(report, zone));
      return 0;
    } finally {
      redis.disconnect();
    }
  },
});
