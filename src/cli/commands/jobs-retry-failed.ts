import { retryFailedJobs } from '../../queue/dead-letters.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { selectQueues, withQueues } from './open-queues.js';

/** `jobs retry-failed [--queue q]`: re-queues the dead letters, one JSON line per queue. */
export const jobsRetryFailedCommand: CliCommand = {
  path: ['jobs', 'retry-failed'],
  summary: 're-queue failed jobs (past their retries) with a fresh retry budget',
  async run(args, io) {
    const flags = parseFlags(args);
    for (const key of flags.keys()) if (key !== 'queue') throw new UsageError(`Unknown flag --${key}`);
    await withQueues(io, async (queues) => {
      for (const queue of selectQueues(queues, flags.get('queue'))) {
        io.stdout.write(`${JSON.stringify({ queue: queue.name, ...(await retryFailedJobs(queue)) })}\n`);
      }
    });
    return 0;
  },
};
