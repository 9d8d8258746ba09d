import { openQueues } from '../../src/queue/jobs.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The baseline of the pipeline bench: `jobs` jobs added 100 at a time to a bare BullMQ queue and taken
 * by `workers` no-op workers of the given concurrency on the same Redis; returns jobs per second.
 */
export async function bareQueue(redisUrl: string, jobs: number, workers: number, concurrency: number): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = openQueues(connection, `bare${workers}`).named('bare');
  let done = 0;
  const connections = Array.from({ length: workers }, () => connection.duplicate());
  const running = connections.map(
    (c) => new Worker('bare', async () => undefined, { connection: c, prefix: `bare${workers}`, concurrency }),
  );
  for (const worker of running) worker.on('completed', () => (done += 1));
  await Promise.all(running.map((w) => w.waitUntilReady()));
  const began = performance.now();
  for (let start = 0; start < jobs; start += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, jobs - start) }, (_, k) =>
        queue.add('job', { id: `event-${start + k}` }, { jobId: `bare-${start + k}`, removeOnComplete: true }),
      ),
    );
  }
  while (done < jobs) await sleep(5);
  const seconds = (performance.now() - began) / 1_000;
  await Promise.all(running.map((w) => w.close()));
  for (const c of connections) c.disconnect();
  await queue.close();
  connection.disconnect();
  return jobs / seconds;
}
