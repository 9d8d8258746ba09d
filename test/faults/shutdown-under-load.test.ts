import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/probe.js';
import type { Simulator } from '../../src/simulator/index.js';
import { FAULT_TIMEOUT_MS, duplicateMarkers, enqueueEvents, faultKnob, openPipeline, seedWorld } from '../helpers/fault-world.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { uniquePrefix } from '../helpers/redis.js';
import { spawnEntrypoint, type SpawnedProcess } from '../helpers/spawn-service.js';
import { waitFor } from '../helpers/wait-for.js';

const REQUESTS = faultKnob('FAULT_SHUTDOWN_REQUESTS', 30);
const EVENTS_PER_REQUEST = faultKnob('FAULT_SHUTDOWN_EVENTS_PER_REQUEST', 5);

const dir = mkdtempSync(join(tmpdir(), 'xsw-fault-term-'));
let redis: RedisServer | undefined;
const running: SpawnedProcess[] = [];
afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The real `worker:` entrypoint (its own SIGTERM handling) against the simulator, started and ready. */
async function startWorkerEntrypoint(sim: Simulator, prefix: string, extra: Record<string, string> = {}): Promise<SpawnedProcess> {
  const worker = spawnEntrypoint('src/main-worker.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    REDIS_URL: redis!.url,
    QUEUE_PREFIX: prefix,
    XURRENT_ACCOUNT: sim.account,
    XURRENT_GRAPHQL_URL: sim.graphqlUrl,
    XURRENT_TOKEN: sim.issueToken(),
    XURRENT_BURST_LIMIT: '100',
    XURRENT_BURST_WINDOW_MS: '500',
    COMPLETENESS_RULES: 'none',
    ESCALATION_L1_PERSON_ID: sim.demo.customerId,
    WORKER_LOCK_MS: '3000',
    ...extra,
  });
  running.push(worker);
  await waitFor(() => worker.stdout().includes('"message":"ready"') || worker.child.exitCode !== null, 'the worker to be ready', 20_000);
  if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.stderr()} ${worker.stdout().slice(-2_000)}`);
  return worker;
}

/** Starts a worker, SIGTERMs it while reconciles are running, then lets a fresh worker finish the rest. */
async function terminateMidway(label: string, latencyMs: number, extra: Record<string, string> = {}) {
  const { sim, refs } = await seedWorld(REQUESTS);
  const prefix = uniquePrefix(`fault-${label}`);
  const pipeline = openPipeline(redis!.url, prefix);
  try {
    sim.faults.setLatency(latencyMs);
    const first = await startWorkerEntrypoint(sim, prefix, extra);
    const events = await enqueueEvents(pipeline.queues, sim, refs, EVENTS_PER_REQUEST, label);
    const counts = async () => pipeline.requests.getJobCounts('completed', 'active');
    await waitFor(
      async () => {
        const c = await counts();
        return (c['completed'] ?? 0) >= REQUESTS / 5 && (c['active'] ?? 0) > 0;
      },
      'reconciles under way',
      30_000,
    );
    const atTerm = await counts();
    const termAt = Date.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    const stopMs = Date.now() - termAt;
    const atExit = await counts();

    // Xurrent answers promptly again for the restarted worker (only the first one's calls were slow).
    sim.faults.setLatency(0);
    const second = await startWorkerEntrypoint(sim, prefix);
    await pipeline.idle(FAULT_TIMEOUT_MS - 20_000);
    second.child.kill('SIGTERM');
    const secondExit = await second.exited;
    const failed = await Promise.all(
      [pipeline.queues.events, pipeline.requests, pipeline.problems].map(async (q) => (await q.getJobCounts('failed'))['failed']),
    );
    const completed = (await pipeline.queues.events.getJobCounts('completed'))['completed'];
    const writes = sim.calls.filter((c) => c.operationName === 'RequestUpdate' && c.status === 200).length;
    return { sim, refs, events, completed, failed, exit, secondExit, stopMs, atTerm, atExit, writes, duplicates: duplicateMarkers(sim) };
  } finally {
    await pipeline.close();
    await sim.close();
  }
}

describe('SIGTERM under load', () => {
  it(
    'lets the in-flight reconciles finish, exits 0, and a restart does the rest: nothing lost, nothing twice',
    { timeout: FAULT_TIMEOUT_MS },
    async () => {
      redis = await startRedisServer(await findFreePort(), dir);
      const run = await terminateMidway('term', 150);
      process.stdout.write(
        `fault shutdown (graceful): ${run.events} events/${REQUESTS} requests; SIGTERM at ${run.atTerm['completed']} reconciles with ${run.atTerm['active']} active; ` +
          `exited ${run.exit.code} after ${run.stopMs} ms with ${run.atExit['completed']} done and ${run.atExit['active']} active; ${run.writes} RequestUpdate, ${run.sim.store.notes.size} notes\n`,
      );
      expect(run.exit.code).toBe(0);
      // The jobs that were running when the signal came finished before the process exited.
      expect(run.atExit['active']).toBe(0);
      expect(run.atExit['completed']).toBeGreaterThan(run.atTerm['completed'] ?? 0);
      expect(run.secondExit.code).toBe(0);
      expect(run.completed).toBe(run.events);
      expect(run.failed).toEqual([0, 0, 0]);
      // One write per request (start note, and for the old top ones their escalations, in one update), one note each.
      expect(run.writes).toBe(REQUESTS);
      for (const id of run.refs.values()) expect(run.sim.store.requests.get(id)?.noteIds.length, `notes on ${id}`).toBe(1);
      expect(run.duplicates).toEqual([]);
    },
  );

  it(
    'abandons reconciles still running at the shutdown deadline (exit 1) and a restart runs them again without doing anything twice',
    { timeout: FAULT_TIMEOUT_MS },
    async () => {
      redis ??= await startRedisServer(await findFreePort(), dir);
      // Calls take 1.5 s but the deadline is 1 s: the reconciles in flight cannot finish in time.
      const run = await terminateMidway('abandon', 1_500, { SHUTDOWN_TIMEOUT_MS: '1000' });
      process.stdout.write(
        `fault shutdown (deadline): SIGTERM with ${run.atTerm['active']} reconciles active; exited ${run.exit.code} after ${run.stopMs} ms, ` +
          `${run.atExit['active']} left active (re-queued by the next worker); ${run.writes} RequestUpdate for ${REQUESTS} requests, ${run.sim.store.notes.size} notes\n`,
      );
      expect(run.exit.code).toBe(1);
      expect(run.stopMs).toBeLessThan(5_000);
      expect(run.atExit['active']).toBeGreaterThan(0);
      expect(run.completed).toBe(run.events);
      expect(run.failed).toEqual([0, 0, 0]);
      for (const id of run.refs.values()) expect(run.sim.store.requests.get(id)?.noteIds.length, `notes on ${id}`).toBe(1);
      expect(run.duplicates).toEqual([]);
    },
  );
});
