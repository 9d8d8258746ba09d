import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFlood } from '../helpers/flood.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readAvailabilityReport } from '../../src/availability/read-availability.js';
import { loadConfig } from '../../src/config.js';
import { findFreePort } from '../../src/redis/probe.js';
import { FAULT_TIMEOUT_MS, duplicateMarkers, faultKnob, openPipeline, seedWorld } from '../helpers/fault-world.js';
import { uniquePrefix } from '../helpers/redis.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.js';
import { deliverer, simulatorWorkerEnv, startEntrypoint, type Answer, type Entrypoint } from '../helpers/service-processes.js';
import { createTestSigner, signedEnv } from '../helpers/signing.js';
import type { SpawnedProcess } from '../helpers/spawn-service.js';

const SENDERS = faultKnob('FAULT_SENDERS', 4);
const PACE_MS = faultKnob('FAULT_ROLLING_PACE_MS', 40); // between one sender's deliveries
const SETTLE_MS = faultKnob('FAULT_ROLLING_SETTLE_MS', 1_000); // load between two restarts
const FLOODED = 12;
const SAMPLE_SECONDS = 5;

const dir = mkdtempSync(join(tmpdir(), 'xsw-fault-rolling-'));
let redis: RedisServer | undefined;
let proxy: RoundRobinProxy | undefined;
const running: SpawnedProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
  await proxy?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('rolling deploy: two web and two worker processes restarted in turn with SIGTERM under load', () => {
  it(
    'loses nothing, does nothing twice, answers no 5xx and records no interruption',
    { timeout: Math.max(FAULT_TIMEOUT_MS, 90_000) },
    async () => {
      redis = await startRedisServer(await findFreePort(), dir);
      const prefix = uniquePrefix('fault-rolling');
      const signer = await createTestSigner();
      const { sim, refs } = await seedWorld(FLOODED);
      const flooded = [...refs.values()];
      const pipeline = openPipeline(redis.url, prefix);
      try {
        const base = {
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          REDIS_URL: redis.url,
          QUEUE_PREFIX: prefix,
          HEALTH_SAMPLE_SECONDS: String(SAMPLE_SECONDS),
        };
        const webPorts = [await findFreePort(), await findFreePort()];
        const envOf = (entry: Entrypoint, slot: number): Record<string, string> =>
          entry === 'src/main-web.ts'
            ? { ...base, ...signedEnv(signer), HOST: '127.0.0.1', PORT: String(webPorts[slot]) }
            : { ...base, ...simulatorWorkerEnv(sim) };
        const order = [
          ['src/main-web.ts', 0],
          ['src/main-web.ts', 1],
          ['src/main-worker.ts', 0],
          ['src/main-worker.ts', 1],
        ] as const;
        const slots = await Promise.all(
          order.map(async ([entry, slot]) => ({ entry, slot, process: await startEntrypoint(entry, envOf(entry, slot), running) })),
        );
        proxy = await startRoundRobinProxy(webPorts);
        const deliver = deliverer(signer, proxy.url);
        // Every series beat at least once before the measured period starts.
        await sleep(500);
        const start = Date.now();

        const flood = startFlood<Answer>(SENDERS, (n) => deliver(`roll-${n}`, flooded[n % FLOODED] ?? ''), PACE_MS);
        const { answers } = flood;
        const exits: { entry: string; code: number | null; stopMs: number }[] = [];
        for (const slot of slots) {
          await sleep(SETTLE_MS);
          const termAt = Date.now();
          slot.process.child.kill('SIGTERM');
          const exit = await slot.process.exited;
          exits.push({ entry: `${slot.entry}#${slot.slot}`, code: exit.code, stopMs: Date.now() - termAt });
          slot.process = await startEntrypoint(slot.entry, envOf(slot.entry, slot.slot), running);
        }
        await sleep(SETTLE_MS);
        await flood.stop();
        await pipeline.idle(Math.max(60_000, FAULT_TIMEOUT_MS - 60_000));
        const endMs = Date.now();

        const completed = new Set((await pipeline.queues.events.getJobs(['completed'])).map((job) => job.id));
        const failed = await Promise.all(
          [pipeline.queues.events, pipeline.requests, pipeline.problems].map(async (q) => (await q.getJobCounts('failed'))['failed']),
        );
        // The raw heartbeat series, without the review's grace: a restart in turn leaves no gap at all.
        const config = loadConfig({ QUEUE_PREFIX: prefix, HEALTH_SAMPLE_SECONDS: String(SAMPLE_SECONDS), AVAILABILITY_GRACE_SECONDS: '0' });
        const availability = await readAvailabilityReport({ redis: pipeline.redis, config, fromMs: start, toMs: endMs, nowMs: endMs });
        const statuses = new Map<number, number>();
        for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        process.stdout.write(
          `fault rolling-deploy: ${answers.length} deliveries through a round-robin proxy to 2 web processes while web#0, web#1, worker#0, worker#1 were restarted in turn ` +
            `(SIGTERM to exit: ${exits.map((e) => `${e.entry} ${e.stopMs} ms, code ${e.code}`).join('; ')}); answers ${JSON.stringify(Object.fromEntries(statuses))} (${proxy.redirected()} taken by the other web process while one was down); ` +
            `availability interruptions ${availability.report?.interruptions ?? 'none measured'}\n`,
        );

        expect(exits.map((e) => e.code)).toEqual([0, 0, 0, 0]);
        // One web process was always up: every delivery got 202, never a 5xx (and the proxy never found both down).
        expect([...statuses.keys()]).toEqual([202]);
        expect(proxy.bothDown()).toBe(0);
        // The restarts did take a web process away while deliveries came in.
        expect(proxy.redirected()).toBeGreaterThan(0);
        // Nothing lost, nothing twice.
        expect(answers.filter((a) => !completed.has(`delivery-jti-${a.id}`)).map((a) => a.id)).toEqual([]);
        expect(completed.size).toBe(answers.length);
        expect(failed).toEqual([0, 0, 0]);
        for (const id of flooded) expect(sim.store.requests.get(id)?.noteIds.length, `notes on ${id}`).toBe(1);
        expect(duplicateMarkers(sim)).toEqual([]);
        // Another process of each role beat while one restarted: no interruption.
        expect(availability.report?.interruptions).toBe(0);
      } finally {
        await pipeline.close();
        await sim.close();
      }
    },
  );
});
