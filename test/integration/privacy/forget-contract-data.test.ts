import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import type { ForgetReport } from '../../../src/privacy/forget-person.js';
import { createStatusActorStore } from '../../../src/state/status-actors.js';
import { decodeState, encodeState } from '../../../src/state/state-codec.js';
import { runCliCapture } from '../../helpers/run-cli.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const prefix = uniquePrefix('forget-contract');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

const AGENT = 'ZGVtby54dXJyZW50LnNpbS9QZXJzb24vNDI';
const OTHER = 'ZGVtby54dXJyZW50LnNpbS9QZXJzb24vNDM';
const REQUEST = 'ZGVtby54dXJyZW50LnNpbS9SZXEvNw';
const excuse = { reason: 'customer VPN down (§3.3)', by: AGENT, at: 1_775_000_000_000 };

/**
 * Issue 16 keeps who excused a request's breaches (workflow state and report records), who changed
 * its status (status-actors) and the actor of a queued status event: an agent's personal data.
 * Forgetting the agent takes them out of each, and keeps the request's SLA history around them.
 */
describe('privacy forget and the contract data of issue 16', () => {
  it('takes the agent out of the excuse, the status authors and a queued event, keeping everything else', async () => {
    const stateKey = `${prefix}:workflow:${REQUEST}`;
    await redis.set(stateKey, encodeState({ requestId: REQUEST, history: [{ kind: 'created', at: 1 }], excused: excuse }), 'EX', 3_600);
    const recordKey = `${prefix}:report:sla:${REQUEST}:resolution`;
    await redis.set(recordKey, JSON.stringify({ requestId: REQUEST, target: 'resolution', dueMs: 5, excused: excuse }), 'EX', 3_600);
    const actors = createStatusActorStore(redis, prefix);
    await actors.record(REQUEST, { status: 'in_progress', personNodeId: OTHER, atMs: 10 });
    // The account learned with the actor is not personal data: kept, so the change is judged as before.
    await actors.record(REQUEST, { status: 'waiting_for', personNodeId: AGENT, atMs: 20, accountId: 'provider' });
    const events = openQueues(redis, prefix).named(QUEUE_NAMES.events);
    const job = await events.add(
      'request-event',
      { requestNodeId: REQUEST, actor: { personNodeId: AGENT, status: 'waiting_for' } },
      { delay: 60_000 },
    );

    const dry = await runCliCapture(['privacy', 'forget', '--person', AGENT], { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    expect(JSON.parse(dry.out)).toMatchObject({ applied: false, jobs: [`${QUEUE_NAMES.events}/${job.id}`] });
    expect((JSON.parse(dry.out) as ForgetReport).keys.sort()).toEqual([recordKey, `${prefix}:status-actors:${REQUEST}`, stateKey].sort());

    const applied = await runCliCapture(['privacy', 'forget', '--person', AGENT, '--apply'], {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
    });
    expect(applied.code).toBe(0);
    const forgotten = { ...excuse, by: 'forgotten' };
    expect(decodeState((await redis.getBuffer(stateKey)) as Buffer)).toEqual({
      requestId: REQUEST,
      history: [{ kind: 'created', at: 1 }],
      excused: forgotten,
    });
    expect(await redis.ttl(stateKey)).toBeGreaterThan(3_000);
    expect(JSON.parse((await redis.get(recordKey)) ?? 'null')).toEqual({
      requestId: REQUEST,
      target: 'resolution',
      dueMs: 5,
      excused: forgotten,
    });
    expect(await actors.list(REQUEST)).toEqual([
      { status: 'waiting_for', personNodeId: 'forgotten', atMs: 20, accountId: 'provider' },
      { status: 'in_progress', personNodeId: OTHER, atMs: 10 },
    ]);
    // The event is not lost: it still waits, without the person.
    const kept = await events.getJob(job.id as string);
    expect(await kept?.getState()).toBe('delayed');
    expect(kept?.data).toEqual({ requestNodeId: REQUEST, actor: { personNodeId: 'forgotten', status: 'waiting_for' } });
    await events.close();

    const again = await runCliCapture(['privacy', 'forget', '--person', AGENT], { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    expect(JSON.parse(again.out)).toMatchObject({ jobs: [], keys: [] });
  });
});
