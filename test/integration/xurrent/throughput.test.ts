import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openQueues } from '../../../src/queue/jobs.js';
import { JOB_NAMES } from '../../../src/queue/names.js';
import { maxCallsInWindow } from '../../../src/simulator/call-log.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate } from '../../../src/simulator/request-mutations.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { startWorkerProcess, stopWorkerProcesses } from '../../helpers/worker-processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const PROCESSES = 3;
const JOBS = 24; // one query and one mutation each: 48 calls, about 5 s at the default 18 per 2.5 s

const prefix = uniquePrefix('throughput');
afterAll(() => deleteKeys(prefix));

describe('shared limiter under several worker processes', () => {
  it('never lets more than 20 calls of one token reach Xurrent in any 2 s window', { timeout: 30_000 }, async () => {
    const sim = await startSimulator({ budgets: { burstLimit: 20, burstWindowMs: 2_000 } });
    const producer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const queues = openQueues(producer, prefix);
    const children: ChildProcess[] = [];
    try {
      // Set-up goes straight to the store: the customer's calls are not what is measured.
      const ids = Array.from({ length: JOBS }, (_, i) => {
        const created = requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] }, { subject: `load ${i}` });
        return (created as { request?: { id: string } }).request?.id ?? '';
      });
      const env = {
        ...process.env,
        REDIS_URL: TEST_REDIS_URL,
        PREFIX: prefix,
        XURRENT_TOKEN: sim.issueToken(),
        XURRENT_ACCOUNT: sim.account,
        XURRENT_GRAPHQL_URL: sim.graphqlUrl,
      };
      children.push(...(await Promise.all(Array.from({ length: PROCESSES }, () => startWorkerProcess(env)))));
      const workerCallsFrom = sim.calls.length;
      for (const [i, id] of ids.entries()) {
        const data = {
          deliveryId: `load-${i}`,
          event: 'request.create',
          accountId: sim.account,
          requestNodeId: id,
          receivedAt: new Date().toISOString(),
        };
        await queues.events.add(JOB_NAMES.requestEvent, data, { jobId: `load-${i}` });
      }

      const noted = () => ids.filter((id) => (sim.store.requests.get(id)?.noteIds.length ?? 0) > 0).length;
      await waitFor(() => noted() === JOBS, `notes on all ${JOBS} requests`, 20_000);

      const workerCalls = sim.calls.slice(workerCallsFrom);
      const summary = workerCalls.map((c) => `${c.status} ${c.operationName} ${JSON.stringify(c.variables).slice(0, 60)}`);
      expect(
        workerCalls.filter((c) => c.status !== 200),
        summary.join('\n'),
      ).toEqual([]);
      expect(workerCalls.length, summary.join('\n')).toBe(2 * JOBS);
      const busiest = maxCallsInWindow(workerCalls, 2_000);
      process.stdout.write(`throughput: ${2 * JOBS} calls from ${PROCESSES} worker processes; max calls in any 2 s window: ${busiest}\n`);
      expect(busiest).toBeLessThanOrEqual(20);
      // Not so strict that it wastes the budget: the busiest window is nearly full.
      expect(busiest).toBeGreaterThanOrEqual(14);
    } finally {
      await stopWorkerProcesses(children);
      await queues.close();
      producer.disconnect();
      await sim.close();
    }
  });
});
