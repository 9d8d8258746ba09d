import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../../src/queue/names.js';
import { openQueues } from '../../../src/queue/jobs.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate } from '../../../src/simulator/request-mutations.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { startWorkerProcess, stopWorkerProcesses } from '../../helpers/worker-processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const REQUESTS = 20;
const EVENTS_PER_REQUEST = 10;
const DAY = 86_400_000;

const prefix = uniquePrefix('concurrency');
afterAll(() => deleteKeys(prefix));

const count = (texts: string[], needle: string) => texts.filter((t) => t.includes(needle)).length;

describe('reconcile under concurrency', () => {
  it(
    '200 events for 20 requests across two worker processes leave one start note per request and no duplicate escalation',
    { timeout: 60_000 },
    async () => {
      const sim = await startSimulator({ budgets: { burstLimit: 10_000, burstWindowMs: 2_000 } });
      const producer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      const queues = openQueues(producer, prefix);
      const children: ChildProcess[] = [];
      try {
        const ssm = sim.demo.customerId;
        const ids = Array.from({ length: REQUESTS }, (_, i) => {
          const created = requestCreate(
            sim.store,
            { personId: sim.demo.customerId, changes: [] },
            { subject: `outage ${i}`, impact: 'top' },
          );
          const id = (created as { request?: { id: string } }).request?.id ?? '';
          // Half of them were registered ten days ago: every target is past its last escalation step.
          const record = sim.store.requests.get(id);
          if (record && i % 2 === 0) record.createdAt = record.updatedAt = new Date(Date.now() - 10 * DAY).toISOString();
          return id;
        });
        const env = {
          ...process.env,
          REDIS_URL: TEST_REDIS_URL,
          PREFIX: prefix,
          BURST_LIMIT: '100',
          ESCALATION_L1_PERSON_ID: ssm,
          XURRENT_TOKEN: sim.issueToken(),
          XURRENT_ACCOUNT: sim.account,
          XURRENT_GRAPHQL_URL: sim.graphqlUrl,
        };
        children.push(...(await Promise.all([startWorkerProcess(env), startWorkerProcess(env)])));
        const jobs = ids.flatMap((id, r) =>
          Array.from({ length: EVENTS_PER_REQUEST }, (_, e) => ({
            name: JOB_NAMES.requestEvent,
            data: {
              deliveryId: `burst-${r}-${e}`,
              event: 'request.update',
              accountId: sim.account,
              requestNodeId: id,
              receivedAt: new Date().toISOString(),
            },
            opts: { jobId: `burst-${r}-${e}` },
          })),
        );
        await queues.events.addBulk(jobs);

        const requestsQueue = queues.requests;
        await waitFor(
          async () => {
            const [events, reconciles] = await Promise.all([queues.events.getJobCounts(), requestsQueue.getJobCounts()]);
            const busy = ['waiting', 'active', 'delayed', 'prioritized'].some((s) => (events[s] ?? 0) + (reconciles[s] ?? 0) > 0);
            return !busy && (events['completed'] ?? 0) === REQUESTS * EVENTS_PER_REQUEST;
          },
          'all events and reconciles to finish',
          45_000,
        );

        for (const [i, id] of ids.entries()) {
          const record = sim.store.requests.get(id);
          const texts = (record?.noteIds ?? []).map((noteId) => sim.store.notes.get(noteId)?.text ?? '');
          expect(count(texts, '[xsw:start:'), `start notes on request ${i}`).toBe(1);
          const escalations = [
            'response:warning',
            'response:service_support_manager',
            'resolution:warning',
            'resolution:service_support_manager',
            'resolution:cto',
          ];
          for (const key of escalations) expect(count(texts, `:${key}]`), `${key} on request ${i}`).toBe(i % 2 === 0 ? 1 : 0);
          expect(record?.watcherIds ?? []).toEqual(i % 2 === 0 ? [ssm] : []);
        }
        const updates = sim.calls.filter((c) => c.operationName === 'RequestUpdate');
        expect(updates).toHaveLength(REQUESTS);
      } finally {
        await stopWorkerProcesses(children);
        await queues.close();
        producer.disconnect();
        await sim.close();
      }
    },
  );
});
