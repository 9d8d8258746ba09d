import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { createRedis } from '../../../src/redis/connection.js';
import { urlTarget } from '../../../src/redis/redis-target.js';
import { createReplicaAck, NotReplicatedError } from '../../../src/redis/replica-ack.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { INITIAL_WORKFLOW_STATE } from '../../../src/domain/workflow/workflow-state.js';
import { listen, postRaw, type Listening } from '../../helpers/http.js';
import { startTestIntake, type TestIntake } from '../../helpers/intake.js';
import { uniquePrefix } from '../../helpers/redis.js';
import { startSentinelGroup, type SentinelGroup } from '../../helpers/sentinel-group.js';
import { createTestSigner, requestEnvelope, signedEnv, type TestSigner } from '../../helpers/signing.js';

// A primary with one replica; pausing the replica (SIGSTOP) makes WAIT fall short without a failover.
let group: SentinelGroup;
let signer: TestSigner;
let replica: Redis;
const opened: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  group = await startSentinelGroup({ replicaCount: 1, sentinelCount: 0 });
  signer = await createTestSigner();
  replica = new Redis(group.replicas[0]!.url, { maxRetriesPerRequest: 1 });
}, 30_000);
afterAll(async () => {
  for (const o of opened) await o.close();
  replica?.disconnect();
  await group?.stop();
});

const paused = async <T>(use: () => Promise<T>): Promise<T> => {
  const child = group.replicas[0]!.child;
  child.kill('SIGSTOP');
  try {
    return await use();
  } finally {
    child.kill('SIGCONT');
  }
};

async function intakeWith(replicas: number): Promise<{ intake: TestIntake; server: Listening; deliver: (id: string) => Promise<number> }> {
  const intake = await startTestIntake(signedEnv(signer), {
    redisUrl: group.primary.url,
    // The production default: on a loaded CI runner a replica in sync took longer than 300 ms to confirm.
    replicaAck: createReplicaAck({ replicas, timeoutMs: 1_000 }),
  });
  const server = await listen(intake.app);
  opened.push(server, intake);
  const deliver = async (id: string) => {
    const body = JSON.stringify({ jwt: await signer.sign(requestEnvelope(), { jti: id }) });
    return (await postRaw(server.url, body, { 'content-type': 'application/json', 'x-xurrent-delivery': id })).status;
  };
  return { intake, server, deliver };
}

describe('REDIS_MIN_REPLICAS_ACK (WAIT after the write)', () => {
  it('answers 202 only once the replica holds the job, 503 while it cannot confirm, and the redelivery finds the job', async () => {
    const { intake, deliver } = await intakeWith(1);
    expect(await deliver('acked')).toBe(202);
    // Answered 202: the replica already holds the job, before any asynchronous catch-up.
    expect(await replica.exists(intake.queues.events.toKey('delivery-jti-acked'))).toBe(1);

    const refused = await paused(() => deliver('unconfirmed'));
    expect(refused).toBe(503);
    expect(intake.logs.text()).toMatch(/enqueue failed: write reached 0 of 1 required Redis replicas/);
    // Xurrent redelivers after the 503: the job had reached the primary, so it is a duplicate (200), queued once.
    expect(await deliver('unconfirmed')).toBe(200);
    expect(await intake.jobCount()).toBe(2);
    // A duplicate is confirmed too: while the replica cannot answer, even a duplicate is not 200.
    expect(await paused(() => deliver('acked'))).toBe(503);
  });

  it('changes nothing at 0 (the default): 202 from the primary alone', async () => {
    const { deliver } = await intakeWith(0);
    expect(await paused(() => deliver('unreplicated-ok'))).toBe(202);
  });

  it("makes a worker's workflow-state save fail while no replica confirms it (the job then retries)", async () => {
    const redis = createRedis(urlTarget(group.primary.url), 'worker', 'test-store');
    opened.push({ close: async () => redis.disconnect() });
    const store = createWorkflowStore(
      redis,
      uniquePrefix('ack'),
      createLogger({ level: 'error' }),
      1,
      createReplicaAck({ replicas: 1, timeoutMs: 1_000 }),
    );
    await store.save('r1', INITIAL_WORKFLOW_STATE);
    await expect(paused(() => store.save('r2', INITIAL_WORKFLOW_STATE))).rejects.toBeInstanceOf(NotReplicatedError);
  });
});
