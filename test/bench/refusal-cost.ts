/**
 * CPU per refused delivery, with 1 and 4 webhook keys, against the CPU of an accepted signed
 * delivery measured in the same run (the baseline). The receiver is called directly (no HTTP, 50
 * deliveries at a time, real Redis, logging at the service's default level `info`), so the figure is
 * the intake's own work: process CPU (user + system, thread pool included) over the deliveries.
 * Part of test/bench/ingest.bench.ts.
 */
import { loadConfig } from '../../src/config.js';
import { createDeliveryProducer } from '../../src/queue/producer.js';
import { classifyBody } from '../../webhooks/read-body.js';
import { createDeliveryReceiver } from '../../webhooks/receive.js';
import { createSignatureVerifier } from '../../webhooks/signature.js';
import { MAX_TOKEN_CHARS } from '../../webhooks/token-limits.js';
import type { TestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv } from '../helpers/signing.js';

const ROUNDS = 5;
const BATCH = 50;

interface Case {
  name: string;
  keys: 1 | 4;
  count: number;
  /** The body of the i-th delivery of a round. */
  body: (i: number) => Buffer;
  /** Expected answer, checked on every delivery so a case cannot silently measure something else. */
  answer: string;
}

const nestedObject = (bytes: number) => Buffer.from('{"a":'.repeat(bytes / 5 - 1) + '1' + '}'.repeat(bytes / 5 - 1));
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measureRefusalCost(intake: TestIntake) {
  const signers = await Promise.all([0, 1, 2, 3].map(() => createTestSigner('RS256')));
  const [trusted] = signers as [(typeof signers)[number]];
  const stranger = await createTestSigner('RS256');
  const envFor = (keys: 1 | 4) =>
    signedEnv(trusted, {
      XURRENT_WEBHOOK_PUBLIC_KEY: signers
        .slice(0, keys)
        .reverse()
        .map((s) => s.publicKeyPem)
        .join('\n'),
    });
  const receivers = Object.fromEntries(
    ([1, 4] as const).map((keys) => {
      const config = loadConfig(envFor(keys)).webhooks;
      const enqueueDelivery = createDeliveryProducer({
        redis: intake.redis,
        prefix: intake.prefix,
        dedupTtlSeconds: config.dedupTtlSeconds,
      });
      return [
        keys,
        createDeliveryReceiver({
          config,
          queues: intake.queues,
          verifySignedToken: createSignatureVerifier({ config }),
          enqueueDelivery,
          logger: intake.logs.logger,
        }),
      ];
    }),
  ) as Record<1 | 4, ReturnType<typeof createDeliveryReceiver>>;

  const ACCEPTED = 400;
  process.stdout.write(`refusal cost: signing ${ROUNDS * ACCEPTED * 2} accepted deliveries...\n`);
  const fresh: Record<1 | 4, Buffer[]> = { 1: [], 4: [] };
  for (const keys of [1, 4] as const) {
    for (let i = 0; i < ROUNDS * ACCEPTED; i += 1)
      fresh[keys].push(Buffer.from(JSON.stringify({ jwt: await trusted.sign(requestEnvelope(), { sub: '7' }) })));
  }
  const forged = Buffer.from(JSON.stringify({ jwt: await stranger.sign(requestEnvelope(), { sub: '7' }) }));
  const forgedLargest = Buffer.from(
    JSON.stringify({ jwt: await stranger.sign(requestEnvelope({ name: 'x'.repeat(Math.floor(MAX_TOKEN_CHARS * 0.7)) }), { sub: '7' }) }),
  );
  const esToken = Buffer.from(JSON.stringify({ jwt: await (await createTestSigner('ES256')).sign(requestEnvelope()) }));
  const plain = Buffer.from(JSON.stringify(requestEnvelope()));
  const nested = nestedObject(262_140);
  const hugeJwt = Buffer.from(`{"jwt":"${'A'.repeat(262_000)}"}`);
  let round = 0;

  const cases: Case[] = [];
  for (const keys of [1, 4] as const) {
    cases.push(
      {
        name: 'accepted signed delivery (baseline)',
        keys,
        count: ACCEPTED,
        body: (i) => fresh[keys][round * ACCEPTED + i]!,
        answer: 'queued',
      },
      { name: 'unsigned envelope', keys, count: 2_000, body: () => plain, answer: 'unauthorized' },
      { name: 'unsigned 256 KiB nested object', keys, count: 2_000, body: () => nested, answer: 'unauthorized' },
      { name: '256 KiB {"jwt":…} over the token cap', keys, count: 2_000, body: () => hugeJwt, answer: 'unauthorized' },
      { name: 'alg not pinned (ES256)', keys, count: 2_000, body: () => esToken, answer: 'unauthorized' },
      { name: 'forged RS256 token (1.3 KB)', keys, count: 400, body: () => forged, answer: 'unauthorized' },
      {
        name: `forged RS256 token (${Math.round(forgedLargest.length / 1_024)} KiB, under the cap)`,
        keys,
        count: 200,
        body: () => forgedLargest,
        answer: 'unauthorized',
      },
    );
  }

  const header = () => undefined;
  const cpu: Record<string, number[]> = {};
  const wrong: string[] = [];
  /** The path before this fix, for comparison: JSON.parse of the body before the unsigned body was refused. */
  const parsedBefore: number[] = [];
  for (round = 0; round < ROUNDS; round += 1) {
    for (const c of cases) {
      const began = cpuMicros();
      for (let start = 0; start < c.count; start += BATCH) {
        const decisions = await Promise.all(
          Array.from({ length: Math.min(BATCH, c.count - start) }, (_, j) => receivers[c.keys](header, c.body(start + j))),
        );
        for (const d of decisions) if (d.answer !== c.answer) wrong.push(`${c.name}: ${d.answer}`);
      }
      (cpu[`${c.keys} ${c.name}`] ??= []).push((cpuMicros() - began) / c.count);
    }
    const began = cpuMicros();
    // Without signedOnly the body is parsed (and would then be refused as unsigned): the old path.
    for (let i = 0; i < 50; i += 1) classifyBody(nested);
    parsedBefore.push((cpuMicros() - began) / 50);
  }

  const baseline = median(cpu['1 accepted signed delivery (baseline)'] ?? []);
  const rows = Object.fromEntries(
    cases.map((c) => {
      const micros = median(cpu[`${c.keys} ${c.name}`] ?? []);
      return [
        `${c.keys} key${c.keys === 1 ? '' : 's'}: ${c.name}`,
        { 'CPU µs / delivery': Math.round(micros), 'ratio to accepted (1 key)': Number((micros / baseline).toFixed(3)) },
      ];
    }),
  );
  rows['for comparison: JSON.parse of the 256 KiB nested body (the path before the fix)'] = {
    'CPU µs / delivery': Math.round(median(parsedBefore)),
    'ratio to accepted (1 key)': Number((median(parsedBefore) / baseline).toFixed(3)),
  };
  return { rows, baseline, wrong, ratio: (key: string) => median(cpu[key] ?? []) / baseline };
}
