import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/probe.js';
import {
  FAULT_TIMEOUT_MS,
  comparable,
  duplicateMarkers,
  enqueueEvents,
  faultKnob,
  openPipeline,
  seedWorld,
  workerEnv,
} from '../helpers/fault-world.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { uniquePrefix } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait-for.js';
import { startWorkerProcess, stopWorkerProcesses } from '../helpers/worker-processes.js';

const REQUESTS = faultKnob('FAULT_REQUESTS', 100);
const EVENTS_PER_REQUEST = faultKnob('FAULT_EVENTS_PER_REQUEST', 10);
// Short job and request locks: the killed worker's jobs come back within about 2 × 3 s, not a minute.
const LOCK_MS = '3000';

const dir = mkdtempSync(join(tmpdir(), 'xsw-fault-kill-'));
let redis: RedisServer | undefined;
afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One run on a fresh simulator and prefix; `disturb` gets the first worker and returns the one to finish with. */
async function run(
  label: string,
  disturb?: (worker: ChildProcess, env: NodeJS.ProcessEnv, pipeline: ReturnType<typeof openPipeline>) => Promise<ChildProcess>,
) {
  const { sim, refs } = await seedWorld(REQUESTS);
  const prefix = uniquePrefix(`fault-${label}`);
  const pipeline = openPipeline(redis!.url, prefix);
  const env = workerEnv(sim, redis!.url, prefix, { WORKER_LOCK_MS: LOCK_MS });
  let worker = await startWorkerProcess(env);
  try {
    const started = Date.now();
    const events = await enqueueEvents(pipeline.queues, sim, refs, EVENTS_PER_REQUEST, label);
    if (disturb) worker = await disturb(worker, env, pipeline);
    await pipeline.idle(FAULT_TIMEOUT_MS - 15_000);
    const convergedMs = Date.now() - started;
    const completed = (await pipeline.queues.events.getJobCounts('completed'))['completed'];
    const failed = await Promise.all(
      [pipeline.queues.events, pipeline.requests, pipeline.problems].map(async (q) => (await q.getJobCounts('failed'))['failed']),
    );
    return { sim, events, completed, failed, convergedMs, report: await pipeline.report(sim, refs), duplicates: duplicateMarkers(sim) };
  } finally {
    await stopWorkerProcesses([worker]);
    await pipeline.close();
    await sim.close();
  }
}

describe('a worker killed with SIGKILL mid-burst', () => {
  it(
    `converges after a restart to the state of an undisturbed run (${REQUESTS * EVENTS_PER_REQUEST} events, ${REQUESTS} requests)`,
    { timeout: FAULT_TIMEOUT_MS },
    async () => {
      redis = await startRedisServer(await findFreePort(), dir);
      const calm = await run('calm');
      let killedAt = { reconciled: 0, active: 0 };
      const killed = await run('killed', async (worker, env, pipeline) => {
        // Kill it once reconciles are under way, with jobs of both queues still active or waiting.
        await waitFor(
          async () => ((await pipeline.requests.getJobCounts('completed'))['completed'] ?? 0) >= REQUESTS / 5,
          'a fifth of the reconciles',
          30_000,
        );
        const counts = await pipeline.requests.getJobCounts('completed', 'active');
        killedAt = { reconciled: counts['completed'] ?? 0, active: counts['active'] ?? 0 };
        worker.kill('SIGKILL');
        await new Promise((resolve) => worker.once('exit', resolve));
        return startWorkerProcess(env);
      });

      process.stdout.write(
        `fault worker-killed: ${killed.events} events/${REQUESTS} requests; killed after ${killedAt.reconciled} reconciles (${killedAt.active} active); ` +
          `undisturbed converged in ${calm.convergedMs} ms, killed+restarted in ${killed.convergedMs} ms; ` +
          `notes ${calm.sim.store.notes.size} vs ${killed.sim.store.notes.size}, problems ${calm.sim.store.problems.size} vs ${killed.sim.store.problems.size}\n`,
      );
      expect(killedAt.active + (REQUESTS - killedAt.reconciled)).toBeGreaterThan(0);
      for (const outcome of [calm, killed]) {
        expect(outcome.completed).toBe(outcome.events);
        expect(outcome.failed).toEqual([0, 0, 0]);
        expect(outcome.duplicates).toEqual([]);
      }
      // The undisturbed run did real work: a start note on every request, escalations on the old ones.
      expect(Object.values(calm.report.requests).every((r) => r.notes >= 1)).toBe(true);
      expect(Object.values(calm.report.requests).filter((r) => r.escalations.length > 0)).toHaveLength(Math.ceil(REQUESTS / 3));
      expect(comparable(killed.report)).toEqual(comparable(calm.report));
      expect(killed.sim.store.notes.size).toBe(calm.sim.store.notes.size);
      // Each top incident has a service instance of its own: one problem each, in both runs.
      expect(calm.sim.store.problems.size).toBe(Math.ceil(REQUESTS / 3));
      expect(killed.sim.store.problems.size).toBe(calm.sim.store.problems.size);
    },
  );
});
