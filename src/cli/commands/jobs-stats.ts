import { defineCommand, UsageError } from '../command.js';

const FORMATS = ['table', 'json'];

/** `jobs stats [--queue q] [--format table|json]`: jobs per state of each queue. */
export const jobsStatsCommand = defineCommand({
  path: ['jobs', 'stats'],
  summary: 'count jobs per queue and state (failed: past their retries)',
  flags: {
    queue: { type: 'string', value: '<name>', description: 'only this queue', defaultText: 'every queue' },
    format: { type: 'string', value: '<table|json>', description: 'output format', default: 'table' },
  },
  async run(flags, io) {
    if (!FORMATS.includes(flags.format)) throw new UsageError('--format must be table or json');
    const [{ COUNTED_STATES, countJobs }, { selectQueues, withQueues }] = await Promise.all([
      import('../../queue/dead-letters.js'),
      import('./open-queues.js'),
    ]);
    const rows = await withQueues(io, (queues) => countJobs(selectQueues(queues, flags.queue)));
    if (flags.format === 'json') {
      for (const row of rows) io.stdout.write(`${JSON.stringify({ queue: row.queue, ...row.counts })}\n`);
      return 0;
    }
    const header = ['queue', ...COUNTED_STATES];
    const lines = rows.map((row) => [row.queue, ...COUNTED_STATES.map((state) => String(row.counts[state]))]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] as string).length)));
    const render = (cells: readonly string[]) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
    io.stdout.write(`${[render(header), ...lines.map(render)].join('\n')}\n`);
    return 0;
  },
});
