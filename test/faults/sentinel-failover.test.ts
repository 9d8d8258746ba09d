import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFlood } from '../helpers/flood.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readAvailabilityReport } from '../../src/availability/read-availability.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { toJobId } from '../../src/queue/jobs.js';
import { createSlaTimers } from '../../src/queue/sla-timers.js';
import { findFreePort } from '../../src/redis/probe.js';
import type { RedisTarget } from '../../src/redis/redis-target.js';
import { FAULT_TIMEOUT_MS, duplicateMarkers, faultKnob, openPipeline, seedWorld } from '../helpers/fault-world.js';
import { uniquePrefix } from '../helpers/redis.js';
import { startSentinelGroup, type SentinelGroup } from '../helpers/sentinel-group.js';
import { deliverer, simulatorWorkerEnv, startEntrypoint, type Answer } from '../helpers/service-processes.js';
import { createTestSigner, signedEnv } from '../helpers/signing.js';
import type { SpawnedProcess } from '../helpers/spawn-service.js';
import { waitFor } from '../helpers/wait-for.js';

const SENDERS = faultKnob('FAULT_SENDERS', 6);
const PACE_MS = faultKnob('FAULT_FAILOVER_PACE_MS', 30); // between one sender's deliveries
const FLOOD_MS = faultKnob('FAULT_FLOOD_MS', 1_500); // before the kill, and after intake is back
const FLOODED = 12; // requests the deliveries are about
const TIMED = 4; // requests with an SLA timer only, due around the kill
const SAMPLE_SECONDS = 5; // HEALTH_SAMPLE_SECONDS' minimum: heartbeats every 5 s
// A worker's reconnect to the new primary (ioredis backs off ≤ 2 s), a failed state save's retry, one reconcile.
const ALLOWANCE_MS = 4_000;
// After the promotion: the web process's reconnect (ioredis backs off ≤ 2 s) and the other replica's resync to the new
// primary; on a loaded 2-core CI runner (the whole suite beside it) a 503 was answered 8.3 s after the promotion.
const WINDOW_ALLOWANCE_MS = 12_000;

// Passwords on the data nodes and on the Sentinels: the connections authenticate through the failover, and no process may print either.
const PASSWORD = 'data-node-pw-5f1c9e';
const SENTINEL_PASSWORD = 'sentinel-pw-8a2d4b';

let group: SentinelGroup | undefined;
const running: SpawnedProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
  await group?.stop();
});

function sentinelEnv(g: SentinelGroup, prefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    REDIS_SENTINELS: g.sentinelList,
    REDIS_SENTINEL_NAME: g.name,
    REDIS_PASSWORD: PASSWORD,
    REDIS_SENTINEL_PASSWORD: SENTINEL_PASSWORD,
    REDIS_MIN_REPLICAS_ACK: '1',
    QUEUE_PREFIX: prefix,
    HEALTH_SAMPLE_SECONDS: String(SAMPLE_SECONDS),
  };
}

describe('Sentinel failover under a webhook flood (REDIS_MIN_REPLICAS_ACK=1)', () => {
  it(
    'loses no acknowledged delivery, refuses with 503 only during the failover, fires the timers and does nothing twice',
    { timeout: Math.max(FAULT_TIMEOUT_MS, 90_000) },
    async () => {
      group = await startSentinelGroup({ replicaCount: 2, sentinelCount: 3, password: PASSWORD, sentinelPassword: SENTINEL_PASSWORD });
      const target: RedisTarget = {
        kind: 'sentinel',
        sentinels: group.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })),
        name: group.name,
        password: PASSWORD,
        sentinelPassword: SENTINEL_PASSWORD,
      };
      const prefix = uniquePrefix('fault-failover');
      const signer = await createTestSigner();
      const { sim, refs } = await seedWorld(FLOODED + TIMED);
      const ids = [...refs.values()];
      const flooded = ids.slice(0, FLOODED);
      const timed = ids.slice(FLOODED);
      const pipeline = openPipeline(target, prefix);
      try {
        const port = await findFreePort();
        const [web, worker] = await Promise.all([
          startEntrypoint(
            'src/main-web.ts',
            { ...sentinelEnv(group, prefix), ...signedEnv(signer), HOST: '127.0.0.1', PORT: String(port) },
            running,
          ),
          startEntrypoint('src/main-worker.ts', { ...sentinelEnv(group, prefix), ...simulatorWorkerEnv(sim) }, running),
        ]);
        const webUrl = `http://127.0.0.1:${port}`;
        const deliver = deliverer(signer, webUrl);
        const start = Date.now();
        // SLA timers the reconciles would have scheduled, due just before and during the failover; on two
        // replicas before the kill, as any acknowledged write is.
        const fireAt = timed.map((_, i) => start + FLOOD_MS - 500 + i * 750);
        const timers = createSlaTimers({ queues: pipeline.queues, clock: systemClock });
        for (const [i, id] of timed.entries()) await timers.reschedule(id, undefined, fireAt[i] ?? 0);
        expect(Number(await pipeline.redis.call('WAIT', '2', '5000'))).toBe(2);

        const flood = startFlood<Answer>(SENDERS, (n) => deliver(`flood-${n}`, flooded[n % FLOODED] ?? ''), PACE_MS);
        const { answers } = flood;

        await sleep(FLOOD_MS);
        const oldPort = group.primary.port;
        const killedAt = Date.now();
        group.primary.child.kill('SIGKILL');
        const failoverMs = await group.waitForPromotion(oldPort, 30_000);
        // Intake is back once a delivery sent after the promotion got 202.
        const promotedAt = killedAt + failoverMs;
        await waitFor(() => answers.some((a) => a.sentAt > promotedAt && a.status === 202), 'intake to answer 202 again', 30_000);
        const backAt = Math.min(...answers.filter((a) => a.sentAt > promotedAt && a.status === 202).map((a) => a.answeredAt));
        await sleep(FLOOD_MS);
        await flood.stop();

        // Xurrent redelivers what was refused, under the same id, until it is accepted: from as many
        // senders as sent the flood, each one delivery at a time (not all at once, which would exceed
        // HTTP_MAX_CONNECTIONS at soak size and measure the test, not the failover).
        const refused = answers.filter((a) => a.status !== 202);
        const redeliver = async (a: Answer) => {
          for (let attempt = 0; ; attempt += 1) {
            const again = await deliver(a.id, a.requestNodeId);
            if (again.status !== 503 || attempt >= 50) return again.status;
            await sleep(200);
          }
        };
        const lanes = await Promise.all(
          Array.from({ length: SENDERS }, async (_, k) => {
            const statuses: number[] = [];
            for (const a of refused.filter((_, i) => i % SENDERS === k)) statuses.push(await redeliver(a));
            return statuses;
          }),
        );
        const finals = lanes.flat();
        await pipeline.idle(Math.max(60_000, FAULT_TIMEOUT_MS - 60_000));
        const endMs = Date.now();

        const refusedWindow =
          refused.length === 0
            ? null
            : { from: Math.min(...refused.map((a) => a.sentAt)) - killedAt, to: Math.max(...refused.map((a) => a.answeredAt)) - killedAt };
        // When each timer job went active (not any read of its request: a sweep may read it any time).
        const starts = await pipeline.timerStarts();
        const lateness = timed.map((id, i) => (starts.get(toJobId('sla', `${id}-${fireAt[i] ?? 0}`)) ?? Infinity) - (fireAt[i] ?? 0));
        const completed = new Set((await pipeline.queues.events.getJobs(['completed'])).map((job) => job.id));
        const failed = await Promise.all(
          [pipeline.queues.events, pipeline.requests, pipeline.problems].map(async (q) => (await q.getJobCounts('failed'))['failed']),
        );
        // The raw heartbeat series (no grace), and the review's reading of it (the default AVAILABILITY_GRACE_SECONDS).
        const availabilityWith = (grace: Record<string, string>) =>
          readAvailabilityReport({
            redis: pipeline.redis,
            config: loadConfig({ QUEUE_PREFIX: prefix, HEALTH_SAMPLE_SECONDS: String(SAMPLE_SECONDS), ...grace }),
            fromMs: start,
            toMs: endMs,
            nowMs: endMs,
          });
        const availability = await availabilityWith({ AVAILABILITY_GRACE_SECONDS: '0' });
        const reviewed = await availabilityWith({});
        const interruptions = availability.report?.interruptions ?? null;
        process.stdout.write(
          `fault sentinel-failover: ${answers.length} deliveries from ${SENDERS} senders; primary SIGKILLed, failover (kill → every Sentinel names the new primary) ${failoverMs} ms; ` +
            `intake 202 again ${backAt - killedAt} ms after the kill; 503 window ${refusedWindow ? `${refusedWindow.from}..${refusedWindow.to} ms after the kill` : 'none'} ` +
            `(${refused.length} refused, redelivered: ${finals.filter((s) => s === 202).length} queued, ${finals.filter((s) => s === 200).length} already held); ` +
            `timer lateness ${lateness.join('/')} ms; availability interruptions ${interruptions} (${JSON.stringify(availability.report?.outages.map((o) => [o.fromMs - killedAt, o.toMs - killedAt]) ?? [])} ms from the kill)\n`,
        );
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.stderr()}`);

        // Refused only while the failover ran, only with 503, and accepted on redelivery.
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.filter((a) => a.status !== 503)).toEqual([]);
        // The window: from the kill until the intake's connection reached the new primary and a replica
        // re-attached to it (WAIT 1 needs one); 503s may flap in that time, never after it.
        expect(refused.filter((a) => a.answeredAt < killedAt || a.answeredAt > killedAt + failoverMs + WINDOW_ALLOWANCE_MS)).toEqual([]);
        expect(finals.filter((s) => s !== 202 && s !== 200)).toEqual([]);
        // Every delivery answered 202 (first time or redelivered) ran to completion, once: none vanished with the old primary.
        expect(answers.filter((a) => !completed.has(`delivery-jti-${a.id}`)).map((a) => a.id)).toEqual([]);
        expect(completed.size).toBe(answers.length);
        expect(failed).toEqual([0, 0, 0]);
        // Nothing twice: one start note per request, no marker twice, no request or service instance in two problems.
        for (const id of flooded) expect(sim.store.requests.get(id)?.noteIds.length, `notes on ${id}`).toBe(1);
        expect(duplicateMarkers(sim)).toEqual([]);
        const problems = [...sim.store.problems.values()];
        const inProblems = problems.flatMap((p) => p.requestIds);
        expect(new Set(inProblems).size).toBe(inProblems.length);
        const instances = problems.flatMap((p) => p.serviceInstanceIds);
        expect(new Set(instances).size).toBe(instances.length);
        // Each timer fired, never early, late by at most the failover time and a reconnect.
        for (const late of lateness) {
          expect(late).toBeGreaterThanOrEqual(0);
          expect(late).toBeLessThanOrEqual(failoverMs + ALLOWANCE_MS);
        }
        // The start log names the Sentinels, and nothing either process printed holds a password.
        expect(
          (
            JSON.parse(
              web
                .stdout()
                .split('\n')
                .find((l) => l.includes('"message":"ready"')) ?? '{}',
            ) as { redis?: unknown }
          ).redis,
        ).toEqual({ mode: 'sentinel', name: group.name, sentinels: group.sentinelList });
        for (const p of [web, worker]) expect(`${p.stdout()}${p.stderr()}`).not.toMatch(new RegExp(`${PASSWORD}|${SENTINEL_PASSWORD}`));
        // Availability: in the raw series the failover is one gap at most (a heartbeat that fell in it), never
        // more; the review does not count a gap shorter than the grace as an interruption.
        expect(interruptions).not.toBeNull();
        expect(interruptions).toBeLessThanOrEqual(1);
        expect(reviewed.report?.interruptions).toBe(0);
      } finally {
        // FAULT_DEBUG_DIR=<dir> keeps what the web and worker processes printed, to read after a failure.
        if (process.env['FAULT_DEBUG_DIR'])
          for (const [i, p] of running.entries())
            writeFileSync(join(process.env['FAULT_DEBUG_DIR'], `process-${i}.log`), p.stdout() + p.stderr());
        await pipeline.close();
        await sim.close();
      }
    },
  );
});
