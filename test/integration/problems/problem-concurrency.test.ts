import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startProblemWorld } from '../../helpers/problem-world.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { startWorkerProcess, stopWorkerProcesses } from '../../helpers/worker-processes.js';

const INCIDENTS = 10;

describe('problem management under concurrency', () => {
  it(
    '10 qualifying incidents on one service instance, at once, across two worker processes: one problem linking all ten',
    { timeout: 60_000 },
    async () => {
      const w = await startProblemWorld({ workers: false });
      const children: ChildProcess[] = [];
      try {
        const si = w.sim.demo.serviceInstanceIds.email;
        // All registered at the same instant: each one alone makes the group a repeat.
        const ids = Array.from({ length: INCIDENTS }, () => w.incident('high', si));
        const env = {
          ...process.env,
          REDIS_URL: TEST_REDIS_URL,
          PREFIX: w.prefix,
          BURST_LIMIT: '100',
          XURRENT_TOKEN: w.sim.issueToken(),
          XURRENT_ACCOUNT: w.sim.account,
          XURRENT_GRAPHQL_URL: w.sim.graphqlUrl,
        };
        children.push(...(await Promise.all([startWorkerProcess(env), startWorkerProcess(env)])));
        await w.reconcile(...ids);

        const [problem, ...others] = w.problems();
        expect(others).toEqual([]);
        expect([...(problem?.requestIds ?? [])].sort()).toEqual([...ids].sort());
        expect(ids.every((id) => w.sim.store.requests.get(id)?.problemId === problem?.id)).toBe(true);
        expect(w.sim.calls.filter((c) => c.operationName === 'ProblemCreate')).toHaveLength(1);
      } finally {
        await stopWorkerProcesses(children);
        await w.close();
      }
    },
  );
});
