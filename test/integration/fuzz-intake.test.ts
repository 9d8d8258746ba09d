import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { createLocalJWKSet, exportJWK, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDelivery, deliveryPlanArb } from '../helpers/fuzz-arbitraries.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { AUDIENCE, createTestSigner, ISSUER, requestEnvelope, signedEnv, type TestSigner } from '../helpers/signing.js';

/** A few hundred in `npm test`; `npm run fuzz` sets FUZZ_RUNS=10000 (the benchmark/soak profile). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
/** Heap growth allowed across the whole run after a forced GC: generous, a leak of one delivery's body per run would exceed it at 10 000 runs. */
const HEAP_GROWTH_LIMIT_MB = 64;
const STATUSES = new Set([200, 202, 400, 401, 403, 413, 415]);

/** `global.gc` without starting node with --expose-gc: the flag can be set at run time, and a fresh context exposes gc. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let signer: TestSigner;
let intake: TestIntake;
let server: Listening;

beforeAll(async () => {
  signer = await createTestSigner('RS256');
  intake = await startTestIntake(signedEnv(signer, { WEBHOOK_MAX_BYTES: '65536' }), { logLevel: 'error' });
  server = await listen(intake.app);
});
afterAll(async () => {
  await server.close();
  await intake.close();
});

describe(`fuzzing the receiver (${RUNS} runs)`, () => {
  it('never answers 5xx, queues only what verifies, and keeps its heap', { timeout: 60_000 + RUNS * 50 }, async () => {
    const gc = exposeGc();
    const publicJwks = createLocalJWKSet({ keys: [await exportJWK(await importSPKI(signer.publicKeyPem, 'RS256'))] });
    /** The independent oracle: a 202 for a token nobody signed as-is must still verify on its own. */
    const verifies = (token: string) =>
      jwtVerify(token, publicJwks, { algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE }).then(
        () => true,
        () => false,
      );
    const histogram: Record<string, number> = {};
    let jobs = await intake.jobCount();
    let heapBefore = 0;
    let run = 0;

    await fc.assert(
      fc.asyncProperty(deliveryPlanArb, async (plan) => {
        const delivery = await buildDelivery(plan, signer);
        const response = await postRaw(server.url, delivery.body, delivery.headers);
        histogram[`${delivery.kind} ${response.status}`] = (histogram[`${delivery.kind} ${response.status}`] ?? 0) + 1;
        expect(STATUSES.has(response.status), `status ${response.status}: ${response.text}`).toBe(true);
        const queued = response.status === 202 || response.text.includes('verification scheduled');
        const now = await intake.jobCount();
        expect(now - jobs, `${delivery.kind} answered ${response.status}`).toBe(queued ? 1 : 0);
        jobs = now;
        if (queued && delivery.kind !== 'signed-envelope') expect(delivery.token && (await verifies(delivery.token))).toBe(true);
        run += 1;
        if (run === Math.min(50, RUNS)) {
          gc();
          heapBefore = process.memoryUsage().heapUsed;
        }
      }),
      { numRuns: RUNS },
    );

    gc();
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
    console.log(JSON.stringify({ fuzzRuns: RUNS, heapGrowthMb: Number(growthMb.toFixed(1)), outcomes: histogram }));
    expect(growthMb).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
    // Still serving: a valid delivery is queued and health answers.
    const ok = await postRaw(server.url, JSON.stringify({ jwt: await signer.sign(requestEnvelope()) }), {
      'content-type': 'application/json',
    });
    expect(ok.status).toBe(202);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
