/**
 * The cost of "acknowledged means replicated" (REDIS_MIN_REPLICAS_ACK): signed deliveries through the
 * real intake on a primary with one replica (both on loopback, append-only), with N=0 (202 from the
 * primary alone) and N=1 (WAIT 1 before the 202), in alternating rounds of the same run. Prints the
 * throughput and latency of each and the N=1 / N=0 ratios; afterwards every 202 must be a job on the replica.
 * Run: npx tsx test/bench/replica-ack.bench.ts   (or npm run bench -- replica-ack)
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createReplicaAck } from '../../src/redis/replica-ack.js';
import { listen, postRaw } from '../helpers/http.js';
import { startTestIntake } from '../helpers/intake.js';
import { startSentinelGroup } from '../helpers/sentinel-group.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';
import { printBenchSummary } from './bench-summary.js';

const PER_ROUND = Number(process.env['BENCH_DELIVERIES'] ?? 1_500);
const ROUNDS = 3;
const IN_FLIGHT = 10;

const group = await startSentinelGroup({ replicaCount: 1, sentinelCount: 0 });
const signer = await createTestSigner();
const replica = new Redis(group.replicas[0]!.url);
const setups = await Promise.all(
  [0, 1].map(async (replicas) => {
    const intake = await startTestIntake(signedEnv(signer), {
      redisUrl: group.primary.url,
      replicaAck: createReplicaAck({ replicas, timeoutMs: 1_000 }),
      logLevel: 'error',
    });
    return { replicas, intake, server: await listen(intake.app) };
  }),
);

let serial = 0;
async function round(url: string, label: string) {
  // Signed beforehand: the round measures intake, not the test's signing.
  const bodies = await Promise.all(
    Array.from({ length: PER_ROUND }, async () => {
      const jti = `${label}-${(serial += 1)}`;
      return { jti, body: JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti }) }) };
    }),
  );
  const latencies: number[] = [];
  const accepted: string[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length) {
        const { jti, body } = bodies[(next += 1) - 1]!;
        const at = performance.now();
        const { status } = await postRaw(url, body, { 'content-type': 'application/json', 'x-xurrent-delivery': jti });
        latencies.push(performance.now() - at);
        if (status === 202) accepted.push(jti);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1_000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: accepted.length / seconds, p50: at(0.5), p99: at(0.99), accepted };
}

const results = new Map<number, { rps: number[]; p50: number[]; p99: number[] }>();
let missing = 0;
let refused = 0;
for (let r = 0; r < ROUNDS; r += 1) {
  for (const { replicas, intake, server } of r % 2 === 0 ? setups : [...setups].reverse()) {
    const row = await round(server.url, `n${replicas}-r${r}`);
    refused += PER_ROUND - row.accepted.length;
    // Each 202 with N=1 was confirmed by WAIT: the replica holds its job now, not just eventually.
    if (replicas > 0)
      for (const jti of row.accepted) missing += (await replica.exists(intake.queues.events.toKey(`delivery-jti-${jti}`))) === 1 ? 0 : 1;
    const entry = results.get(replicas) ?? { rps: [], p50: [], p99: [] };
    entry.rps.push(row.rps);
    entry.p50.push(row.p50);
    entry.p99.push(row.p99);
    results.set(replicas, entry);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const figure = (n: number) => ({ rps: median(results.get(n)!.rps), p50: median(results.get(n)!.p50), p99: median(results.get(n)!.p99) });
const [zero, one] = [figure(0), figure(1)];
const fixed = (v: number, d = 2) => Number(v.toFixed(d));
process.stdout.write(
  `replica-ack: ${ROUNDS} rounds × ${PER_ROUND} signed deliveries, ${IN_FLIGHT} in flight, primary + 1 replica on loopback\n` +
    `  N=0  ${zero.rps.toFixed(0)} deliveries/s  p50 ${zero.p50.toFixed(2)} ms  p99 ${zero.p99.toFixed(2)} ms\n` +
    `  N=1  ${one.rps.toFixed(0)} deliveries/s  p50 ${one.p50.toFixed(2)} ms  p99 ${one.p99.toFixed(2)} ms\n` +
    `  N=1 / N=0: throughput ${(one.rps / zero.rps).toFixed(2)}, p50 ${(one.p50 / zero.p50).toFixed(2)}, extra per delivery (p50) ${(one.p50 - zero.p50).toFixed(2)} ms; ` +
    `${refused} refused, ${missing} answered 202 but missing on the replica\n`,
);
printBenchSummary({
  bench: 'replica-ack',
  ok: refused === 0 && missing === 0,
  figures: {
    'N=1/N=0 throughput': fixed(one.rps / zero.rps),
    'N=1/N=0 p50': fixed(one.p50 / zero.p50),
    'extra ms per delivery (p50)': fixed(one.p50 - zero.p50),
    'N=0 deliveries/s': fixed(zero.rps, 0),
    'N=1 deliveries/s': fixed(one.rps, 0),
  },
});
for (const { server, intake } of setups) {
  await server.close();
  await intake.close();
}
replica.disconnect();
await group.stop();
