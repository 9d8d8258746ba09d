import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';
import { runCliCapture } from '../../helpers/run-cli.js';

const prefix = uniquePrefix('jobs-cli');
const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const problems = openQueues(connection, prefix).named(QUEUE_NAMES.problems);
const events = openQueues(connection, prefix).named(QUEUE_NAMES.events);

async function cli(...argv: string[]) {
  const { code, out, err } = await runCliCapture(argv, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
  return {
    code,
    out,
    err,
    lines: () =>
      out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Fails every job of `queue` for good: two dead letters in problems, one in events; one waiting event. */
async function failAll(queue: Queue, count: number) {
  const worker = new Worker(
    queue.name,
    async () => {
      throw new UnrecoverableError('Xurrent refused');
    },
    { connection, prefix },
  );
  for (let i = 0; i < count; i += 1) await queue.add('job', { requestNodeId: `r${i}` }, { attempts: 3 });
  await waitFor(async () => (await queue.getFailedCount()) === count, `${queue.name} jobs to fail`);
  await worker.close();
}

beforeAll(async () => {
  await failAll(problems, 2);
  await failAll(events, 1);
  await events.add('job', { requestNodeId: 'waiting' });
});
afterAll(async () => {
  await Promise.all([problems.close(), events.close()]);
  connection.disconnect();
  await deleteKeys(prefix);
});

describe('cli jobs (real Redis)', () => {
  it('stats prints counts per queue, as JSON lines or a table', async () => {
    const json = await cli('jobs', 'stats', '--format', 'json');
    expect(json.code).toBe(0);
    const rows = json.lines();
    expect(rows.map((r) => r['queue'])).toEqual(Object.values(QUEUE_NAMES));
    expect(rows.find((r) => r['queue'] === QUEUE_NAMES.problems)).toMatchObject({ failed: 2, waiting: 0 });
    expect(rows.find((r) => r['queue'] === QUEUE_NAMES.events)).toMatchObject({ failed: 1, waiting: 1 });

    const table = await cli('jobs', 'stats', '--queue', QUEUE_NAMES.events);
    expect(table.out.split('\n')[0]).toMatch(/^queue\s+waiting\s+active\s+delayed\s+prioritized\s+waiting-children\s+failed\s+completed$/);
    expect(table.out.split('\n')[1]).toMatch(/^xurrent-events\s+1\s+0\s+0\s+0\s+0\s+1\s+0$/);
  });

  it('retry-failed --queue re-queues that queue’s dead letters with a fresh retry budget, leaving the others', async () => {
    const { code, lines } = await cli('jobs', 'retry-failed', '--queue', QUEUE_NAMES.problems);
    expect(code).toBe(0);
    expect(lines()).toEqual([{ queue: QUEUE_NAMES.problems, retried: 2, skipped: 0 }]);
    expect(await problems.getFailedCount()).toBe(0);
    const waiting = await problems.getWaiting();
    expect(waiting).toHaveLength(2);
    expect(waiting.map((job) => job.attemptsMade)).toEqual([0, 0]);
    expect(await events.getFailedCount()).toBe(1);
  });

  it('retry-failed without --queue goes through every queue', async () => {
    const { lines } = await cli('jobs', 'retry-failed');
    const byQueue = Object.fromEntries(lines().map((l) => [l['queue'], l['retried']]));
    expect(byQueue).toEqual({ ...Object.fromEntries(Object.values(QUEUE_NAMES).map((q) => [q, 0])), [QUEUE_NAMES.events]: 1 });
    expect(await events.getWaitingCount()).toBe(2);
  });

  it('refuses an unknown queue or flag with exit 2', async () => {
    const unknown = await cli('jobs', 'retry-failed', '--queue', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--queue must be one of xurrent-events');
    expect((await cli('jobs', 'stats', '--format', 'xml')).code).toBe(2);
    expect((await cli('jobs', 'stats', '--bogus', 'x')).code).toBe(2);
  });
});
