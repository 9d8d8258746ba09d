import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../../src/cli/commands/resync.js';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { runCliCapture } from '../../helpers/run-cli.js';

const prefix = uniquePrefix('cli-resync');
const env = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix };
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });

async function cli(argv: string[]) {
  return runCliCapture(argv, env);
}

afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

describe('cli resync', () => {
  it('reads --since as an instant or a duration back from now', () => {
    const now = Date.parse('2026-03-31T00:00:00Z');
    expect(parseSince('2026-03-01T00:00:00Z', now)).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(parseSince('P30D', now)).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(() => parseSince('last week', now)).toThrow(/--since/);
  });

  it('queues a full resync for the running worker', async () => {
    const { code, out } = await cli(['resync', '--since', 'P30D']);
    expect(code).toBe(0);
    const answer = JSON.parse(out) as { queued: string; since: string };
    const queue = openQueues(redis, prefix).named(QUEUE_NAMES.resync);
    const job = await queue.getJob(answer.queued);
    await queue.close();
    expect(job?.name).toBe('resync-full');
    expect(job?.data).toEqual({ kind: 'full', sinceMs: Date.parse(answer.since), reason: 'cli' });
    expect(Math.abs(Date.now() - 30 * 86_400_000 - Date.parse(answer.since))).toBeLessThan(60_000);
  });

  it('refuses a bad --since with exit 2', async () => {
    expect((await cli(['resync', '--since', 'yesterday'])).code).toBe(2);
  });
});

describe('cli privacy forget', () => {
  it('lists the jobs and keys whose person fields name the person, takes the person out only with --apply, and leaves the rest', async () => {
    const person = 'ZGVtby54dXJyZW50LnNpbS9QZXJzb24vNDI';
    const queue = openQueues(redis, prefix).named('xurrent-events');
    await queue.add(
      'request-event',
      { requestNodeId: 'req-1', watchers: [{ personId: person }] },
      { jobId: 'job-with-person', delay: 60_000 },
    );
    // Free text and ids that merely contain the person id are not about the person.
    await queue.add('request-event', { requestNodeId: 'req-2', note: `watcher ${person}` }, { jobId: 'job-without', delay: 60_000 });
    await redis.set(`${prefix}:something`, JSON.stringify({ person: { id: person } }));
    await redis.set(`${prefix}:other:${person}`, 'y');

    const dryRun = await cli(['privacy', 'forget', '--person', person]);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.out)).toMatchObject({
      applied: false,
      jobs: ['xurrent-events/job-with-person'],
      keys: [`${prefix}:something`],
    });
    expect(await queue.getJob('job-with-person')).toBeDefined();
    expect(await redis.exists(`${prefix}:something`)).toBe(1);

    const { code, out } = await cli(['privacy', 'forget', '--person', person, '--apply']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { applied: boolean; jobs: string[]; keys: string[]; kept: string[]; notHeld: string[] };
    expect(report).toMatchObject({ applied: true, jobs: ['xurrent-events/job-with-person'], keys: [`${prefix}:something`], kept: [] });
    expect(report.notHeld.join(' ')).toMatch(/logs/);
    // The event still waits, without the person; the record stays, without the person.
    expect((await queue.getJob('job-with-person'))?.data).toEqual({ requestNodeId: 'req-1', watchers: [{ personId: 'forgotten' }] });
    expect(JSON.parse((await redis.get(`${prefix}:something`)) ?? 'null')).toEqual({ person: { id: 'forgotten' } });
    expect((await queue.getJob('job-without'))?.data).toEqual({ requestNodeId: 'req-2', note: `watcher ${person}` });
    expect(await redis.get(`${prefix}:other:${person}`)).toBe('y');
    expect(await queue.getDelayedCount()).toBe(2);
    await queue.close();

    // Nothing left to take out the second time.
    const again = JSON.parse((await cli(['privacy', 'forget', '--person', person, '--apply'])).out) as { jobs: string[]; keys: string[] };
    expect([...again.jobs, ...again.keys]).toEqual([]);
  });

  it('refuses an unknown flag and a missing id', async () => {
    expect((await cli(['privacy', 'forget', '--person', '42', '--force'])).code).toBe(2);
    expect((await cli(['privacy', 'forget', '--apply'])).code).toBe(2);
  });
});
