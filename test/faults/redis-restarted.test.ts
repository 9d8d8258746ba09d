import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFlood } from '../helpers/flood.js';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createSlaTimers } from '../../src/queue/sla-timers.js';
import { findFreePort } from '../../src/redis/probe.js';
import { FAULT_TIMEOUT_MS, duplicateMarkers, faultKnob, openPipeline, seedWorld, workerEnv } from '../helpers/fault-world.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, waitForReady, type TestIntake } from '../helpers/intake.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';
import { startWorkerProcess, stopWorkerProcesses } from '../helpers/worker-processes.js';

const SENDERS = faultKnob('FAULT_SENDERS', 8);
const FLOOD_MS = faultKnob('FAULT_FLOOD_MS', 1_000); // before and after the outage each
const OUTAGE_MS = faultKnob('FAULT_OUTAGE_MS', 1_500); // Redis down, before its restart begins
const FLOODED = 20; // requests the deliveries are about
const TIMED = 5; // requests with an SLA timer only (no delivery), so their reconcile is the timer's
// A worker's reconnect after the restart (≤ 2 s backoff) plus one reconcile, on a machine that runs other
// test files beside this one (3 044 ms seen with 3 000 under a load of 11 on 2 cores).
const ALLOWANCE_MS = 4_000;

const dir = mkdtempSync(join(tmpdir(), 'xsw-fault-redis-'));
let redis: RedisServer | undefined;
let intake: TestIntake | undefined;
let server: Listening | undefined;
const children: ChildProcess[] = [];
afterAll(async () => {
  await stopWorkerProcesses(children);
  await server?.close();
  await intake?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis restarted during a webhook flood', () => {
  it(
    'processes every delivery answered 202, answered 503 during the outage, and still fires the SLA timers',
    { timeout: FAULT_TIMEOUT_MS },
    async () => {
      const port = await findFreePort();
      redis = await startRedisServer(port, dir);
      const signer = await createTestSigner();
      intake = await startTestIntake(signedEnv(signer), { redisUrl: redis.url });
      server = await listen(intake.app);
      const { sim, refs } = await seedWorld(FLOODED + TIMED);
      const ids = [...refs.values()];
      const flooded = ids.slice(0, FLOODED);
      const timed = ids.slice(FLOODED);
      const pipeline = openPipeline(redis.url, intake.prefix);
      pipeline.redis.on('error', () => undefined);
      try {
        children.push(await startWorkerProcess(workerEnv(sim, redis.url, intake.prefix, { WORKER_LOCK_MS: '5000' })));
        const start = Date.now();
        // Timers the reconcile would schedule, due while Redis is down and just after it is back.
        const fireAt = timed.map((_, i) => start + FLOOD_MS + 500 + i * Math.round(OUTAGE_MS / 2));
        const timers = createSlaTimers({ queues: pipeline.queues, clock: systemClock });
        for (const [i, id] of timed.entries()) await timers.reschedule(id, undefined, fireAt[i] ?? 0);

        const deliver = async (id: string, requestNodeId: string) => {
          // A redelivery resends the same token: the jti is the delivery's identity (webhooks/delivery-id.ts).
          const body = JSON.stringify({ jwt: await signer.sign(requestEnvelope({ object_nodeID: requestNodeId }), { jti: id }) });
          const sentAt = Date.now();
          const { status } = await postRaw(server!.url, body, { 'content-type': 'application/json', 'x-xurrent-delivery': id });
          return { id, requestNodeId, sentAt, answeredAt: Date.now(), status };
        };
        const flood = startFlood(SENDERS, (n) => deliver(`flood-${n}`, flooded[n % FLOODED] ?? ''));
        const { answers } = flood;

        await sleep(FLOOD_MS);
        const stoppedAt = Date.now();
        await redis.stop();
        await sleep(OUTAGE_MS);
        redis = await startRedisServer(port, dir);
        await waitForReady(intake.redis);
        const readyAt = Date.now();
        const restartMs = readyAt - stoppedAt;
        await sleep(FLOOD_MS);
        await flood.stop();

        // Xurrent redelivers what was refused, under the same delivery id.
        const refused = answers.filter((a) => a.status !== 202);
        const redelivered = await Promise.all(
          Array.from({ length: SENDERS }, async (_, k) => {
            const statuses: number[] = [];
            for (const a of refused.filter((_, i) => i % SENDERS === k)) statuses.push((await deliver(a.id, a.requestNodeId)).status);
            return statuses;
          }),
        );
        // 200 "duplicate": the refused delivery had reached Redis before the connection dropped (at least once, never twice).
        expect(redelivered.flat().filter((status) => status !== 202 && status !== 200)).toEqual([]);
        const alreadyQueued = redelivered.flat().filter((status) => status === 200).length;
        await pipeline.idle(FAULT_TIMEOUT_MS - 20_000);
        const convergedMs = Date.now() - start;

        const before = answers.filter((a) => a.answeredAt < stoppedAt);
        const after = answers.filter((a) => a.sentAt > readyAt);
        const calls = sim.calls.filter((c) => c.operationName === 'RequestById');
        const lateness = timed.map(
          (id, i) => Math.min(...calls.filter((c) => c.variables['id'] === id).map((c) => c.at)) - (fireAt[i] ?? 0),
        );
        // Lateness beyond the part of the outage still left when the timer fell due: reconnecting (ioredis
        // backs off up to 2 s between attempts) and running the reconcile.
        const excess = lateness.map((late, i) => late - Math.max(0, readyAt - (fireAt[i] ?? 0)));
        const completed = new Set((await pipeline.queues.events.getJobs(['completed'])).map((job) => job.id));
        process.stdout.write(
          `fault redis-restarted: ${answers.length} deliveries from ${SENDERS} senders (${before.length} answered before Redis stopped, ` +
            `${after.length} sent after it was back); ${refused.length} answered 503 and redelivered (${alreadyQueued} of them found already queued); Redis down for ${restartMs} ms; ` +
            `timer lateness ${lateness.join('/')} ms (beyond the outage ${excess.join('/')} ms); converged ${convergedMs} ms after the flood began\n`,
        );

        expect(refused.length).toBeGreaterThan(0);
        expect(refused.every((a) => a.status === 503)).toBe(true);
        // 503 only for deliveries that overlapped the outage; 202 before it and once the intake's Redis was back.
        expect(refused.every((a) => a.answeredAt >= stoppedAt && a.sentAt <= readyAt)).toBe(true);
        expect(before.length).toBeGreaterThan(0);
        expect(before.every((a) => a.status === 202)).toBe(true);
        expect(after.length).toBeGreaterThan(0);
        expect(after.every((a) => a.status === 202)).toBe(true);
        // Every accepted delivery (first time or redelivered) ran to completion, exactly once.
        expect(answers.filter((a) => !completed.has(`delivery-jti-${a.id}`)).map((a) => a.id)).toEqual([]);
        expect(completed.size).toBe(answers.length);
        for (const id of flooded) expect(sim.store.requests.get(id)?.noteIds.length, `notes on ${id}`).toBe(1);
        expect(duplicateMarkers(sim)).toEqual([]);
        // Each timer fired (its request was read), never early, late by at most the time Redis was away
        // (and for a timer due during the outage, by little more than the rest of it).
        for (const [i, late] of lateness.entries()) {
          expect(late).toBeGreaterThanOrEqual(0);
          expect(late).toBeLessThanOrEqual(restartMs + ALLOWANCE_MS);
          expect(excess[i]).toBeLessThanOrEqual(ALLOWANCE_MS);
        }
      } finally {
        await pipeline.close();
        await sim.close();
      }
    },
  );
});
