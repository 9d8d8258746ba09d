import { defineCommand } from '../command.js';

/** `jobs retry-failed [--queue q]`: re-queues the dead letters, one JSON line per queue. */
export const jobsRetryFailedCommand = defineCommand({
  path: ['jobs', 'retry-failed'],
  summary: 're-queue failed jobs (past their retries) with a fresh retry budget',
  flags: {
    queue: { type: 'string', value: '<name>', description: 'only this queue', defaultText: 'every queue' },
  },
  async run(flags, io) {
    const [{ retryFailedJobs }, { selectQueues, withQueues }] = await Promise.all([
      import('../../queue/dead-letters.js'),
      import('./open-queues.js'),
    ]);
    await withQueues(io, async (queues) => {
      for (const queue of selectQueues(queues, flags.queue)) {
        io.stdout.write(`${JSON.stringify({ queue: queue.name, ...(await retryFailedJobs(queue)) })}\n`);
      }
    });
    return 0;
  },
});
