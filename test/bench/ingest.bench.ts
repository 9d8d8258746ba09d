/**
 * Webhook intake throughput and latency: signed RS256 deliveries through verify + validate +
 * enqueue on the real Redis, side by side in the same process with a bare express handler that
 * reads the body and answers 202. Prints the ratio; afterwards every 202 must be a job in Redis.
 * Run: npx tsx test/bench/ingest.bench.ts   (or npm run bench)
 */
import autocannon from 'autocannon';
import express, { type Express } from 'express';
import { listen } from '../helpers/http.js';
import { startTestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';

const MAX_REQUESTS = 10_000;
const WARM_UP = 2_000;
const FIXED_RATE = 1_000;
const FIXED_SECONDS = 5;
const CONNECTIONS = 50;
const FIXED_CONNECTIONS = 10;

function bareApp(): Express {
  const app = express();
  app.post('/webhooks/xurrent', express.raw({ type: () => true, limit: 262_144 }), (_req, res) => void res.status(202).json({ status: 'queued' }));
  return app;
}

async function run(url: string, bodies: readonly string[], label: string, rate?: number) {
  let n = 0;
  let lastResponseAt = 0;
  const startedAt = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/webhooks/xurrent`,
        connections: rate ? FIXED_CONNECTIONS : CONNECTIONS,
        ...(rate ? { overallRate: rate, duration: FIXED_SECONDS } : { amount: Math.min(MAX_REQUESTS, bodies.length) }),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              n += 1;
              const body = bodies[n % bodies.length];
              return { ...request, body, headers: { 'content-type': 'application/json', 'x-xurrent-delivery': `bench-${label}-${n}` } };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    // autocannon ends `amount` runs on its 1 s sampling tick, so time the responses themselves.
    instance.on('response', () => {
      lastResponseAt = performance.now();
    });
  });
  const seconds = rate ? result.duration : (lastResponseAt - startedAt) / 1_000;
  const accepted = result.statusCodeStats?.['202']?.count ?? 0;
  return { rps: result['2xx'] / seconds, p50: result.latency.p50, p99: result.latency.p99, accepted, other: result.non2xx + result.errors };
}

async function main(): Promise<void> {
  const signer = await createTestSigner('RS256');
  const total = MAX_REQUESTS + FIXED_RATE * FIXED_SECONDS + 1_000 + WARM_UP;
  process.stdout.write(`signing ${total} RS256 deliveries (each with its own jti)...\n`);
  const bodies: string[] = [];
  for (let i = 0; i < total; i += 1) bodies.push(JSON.stringify({ jwt: await signer.sign(requestEnvelope()) }));

  const intake = await startTestIntake(signedEnv(signer), {});
  const full = await listen(intake.app);
  const bare = await listen(bareApp());
  try {
    // Each intake run gets its own slice of tokens, so every delivery is new (no duplicate shortcut).
    const slice = (from: number, count: number) => bodies.slice(from, from + count);
    await run(bare.url, bodies, 'warm-bare');
    const warm = await run(full.url, slice(total - WARM_UP, WARM_UP), 'warm-intake');
    const rows = {
      'bare 202, max': await run(bare.url, bodies, 'bare-max'),
      'intake, max': await run(full.url, slice(0, MAX_REQUESTS + 1), 'intake-max'),
      [`bare 202, ${FIXED_RATE}/s`]: await run(bare.url, bodies, 'bare-fixed', FIXED_RATE),
      [`intake, ${FIXED_RATE}/s`]: await run(full.url, slice(MAX_REQUESTS + 1, FIXED_RATE * FIXED_SECONDS + 1_000), 'intake-fixed', FIXED_RATE),
    };
    console.table(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, { 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99, '202': r.accepted, 'other/errors': r.other }])));
    const max = { bare: rows['bare 202, max']!, intake: rows['intake, max']! };
    const fixed = rows[`intake, ${FIXED_RATE}/s`]!;
    const ratio = max.intake.rps / max.bare.rps;
    process.stdout.write(`throughput ratio intake/bare: ${ratio.toFixed(2)} (target >= 0.5)\n`);
    process.stdout.write(`p99 at ${FIXED_RATE}/s: ${fixed.p99} ms (target < 25 ms)\n`);

    const jobs = await intake.queues.events.getJobCountByTypes('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    const answered = warm.accepted + max.intake.accepted + fixed.accepted;
    process.stdout.write(`answered 202: ${answered}; jobs in Redis: ${jobs}; ${jobs === answered ? 'every 202 accounted for' : 'MISMATCH'}\n`);
    if (jobs !== answered) process.exitCode = 1;
  } finally {
    await full.close();
    await bare.close();
    await intake.close();
  }
}

await main();
