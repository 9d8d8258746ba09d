import { COUNTED_STATES, countJobs } from '../../queue/dead-letters.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { selectQueues, withQueues } from './open-queues.js';

/** `jobs stats [--queue q] [--format table|json]`: jobs per state of each queue. */
export const jobsStatsCommand: CliCommand = {
  path: ['jobs', 'stats'],
  summary: 'count jobs per queue and state (failed: past their retries)',
  async run(args, io) {
    const flags = parseFlags(args);
    const format = flags.get('format') ?? 'table';
    if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
    for (const key of flags.keys()) if (key !== 'queue' && key !== 'format') throw new UsageError(`Unknown flag --${key}`);
    const rows = await withQueues(io, (queues) => countJobs(selectQueues(queues, flags.get('queue'))));
    if (format === 'json') {
      for (const row of rows) io.stdout.write(`${JSON.stringify({ queue: row.queue, ...row.counts })}\n`);
      return 0;
    }
    const header = ['queue', ...COUNTED_STATES];
    const lines = rows.map((row) => [row.queue, ...COUNTED_STATES.map((state) => String(row.counts[state]))]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] as string).length)));
    const render = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
    io.stdout.write(`${[render(header), ...lines.map(render)].join('\n')}\n`);
    return 0;
  },
};
