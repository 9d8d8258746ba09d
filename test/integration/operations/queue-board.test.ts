import { UnrecoverableError, Worker } from 'bullmq';
import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import { startWebOnly } from '../../helpers/ops-service.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const prefix = uniquePrefix('board');
let web: Awaited<ReturnType<typeof startWebOnly>>;
const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const problems = openQueues(connection, prefix).named(QUEUE_NAMES.problems);

beforeAll(async () => {
  web = await startWebOnly(prefix);
  // A dead letter: a job that failed for good (unrecoverable) in one of the service's queues.
  const worker = new Worker(
    QUEUE_NAMES.problems,
    async () => {
      throw new UnrecoverableError('bad data');
    },
    { connection, prefix },
  );
  await problems.add('manage-problem', { requestNodeId: 'req-1' }, { jobId: 'dead-1', attempts: 3 });
  await waitFor(async () => (await problems.getFailedCount()) === 1, 'the job to fail');
  await worker.close();
});
afterAll(async () => {
  await web.stop();
  await problems.close();
  connection.disconnect();
  await deleteKeys(prefix);
});

describe('Bull Board at /admin/queues', () => {
  it('needs the admin credentials', async () => {
    expect((await fetch(`${web.url}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${web.url}/admin/queues/api/queues`)).status).toBe(401);
  });

  it('serves the board with helmet headers and no third-party sources', async () => {
    const res = await fetch(`${web.url}/admin/queues`, { headers: web.auth });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<base href="/admin/queues/"');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('https:');
    const script = /src="(static\/js\/main[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${web.url}/admin/queues/${script}`, { headers: web.auth })).status).toBe(200);
  });

  it('lists every queue that has work in this mode and shows the failed job (dead letter) with its reason', async () => {
    const res = await fetch(`${web.url}/admin/queues/api/queues?activeQueue=${QUEUE_NAMES.problems}&status=failed&page=1&jobsPerPage=10`, {
      headers: web.auth,
    });
    const body = (await res.json()) as {
      queues: { name: string; counts: Record<string, number>; jobs: { id: string; failedReason: string }[] }[];
    };
    // Supplier mode (the default) forwards nothing itself: no queue shown as "No workers".
    const requestModeOnly: string[] = [QUEUE_NAMES.xurrentForward, QUEUE_NAMES.xurrentFollowUp];
    expect(body.queues.map((q) => q.name).sort()).toEqual(
      Object.values(QUEUE_NAMES)
        .filter((name) => !requestModeOnly.includes(name))
        .sort(),
    );
    const board = body.queues.find((q) => q.name === QUEUE_NAMES.problems);
    expect(board?.counts['failed']).toBe(1);
    expect(board?.jobs).toMatchObject([{ id: 'dead-1', failedReason: 'bad data' }]);
  });

  it('shows the break-fix forward and follow-up queues in request mode, where workers consume them', async () => {
    const requestPrefix = uniquePrefix('board-request');
    const requestMode = await startWebOnly(requestPrefix, {
      XURRENT_ESCALATION_MODE: 'request',
      XURRENT_SUPPORT_ACCOUNT: 'xurrent-support',
    });
    try {
      const res = await fetch(`${requestMode.url}/admin/queues/api/queues?page=1&jobsPerPage=1`, { headers: requestMode.auth });
      const body = (await res.json()) as { queues: { name: string }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUE_NAMES).sort());
    } finally {
      await requestMode.stop();
      await deleteKeys(requestPrefix);
    }
  });

  it('refuses a retry started by another site, and retries on a same-origin request', async () => {
    const retry = `${web.url}/admin/queues/api/queues/${QUEUE_NAMES.problems}/retry/failed`;
    const crossSite = await fetch(retry, { method: 'PUT', headers: { ...web.auth, Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await problems.getFailedCount()).toBe(1);
    const sameOrigin = await fetch(retry, { method: 'PUT', headers: { ...web.auth, Origin: web.url } });
    expect(sameOrigin.status).toBe(200);
    expect(await problems.getFailedCount()).toBe(0);
    expect(await problems.getWaitingCount()).toBe(1);
  });
});
