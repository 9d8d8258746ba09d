import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { requestEnvelope } from '../helpers/signing.js';

let intake: TestIntake;
let server: Listening;
beforeAll(async () => {
  intake = await startTestIntake({
    XURRENT_ACCOUNT: 'acme',
    XURRENT_DOMAIN: 'xurrent.qa',
    XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false',
    XURRENT_CUSTOMER_ACCOUNTS: 'globex',
  });
  server = await listen(intake.app);
});
afterAll(async () => {
  await server.close();
  await intake.close();
});

const deliver = (envelope: Record<string, unknown>, id: string) =>
  postRaw(server.url, JSON.stringify(envelope), { 'content-type': 'application/json', 'x-xurrent-delivery': id });

describe('event routing (unsigned bodies explicitly allowed)', () => {
  it('warned at start that unsigned bodies are accepted', () => {
    expect(
      intake.logs.lines().some((l) => l['level'] === 'warn' && String(l['message']).includes('XURRENT_WEBHOOK_REQUIRE_SIGNATURE=false')),
    ).toBe(true);
  });

  it.each(['request.create', 'request.update', 'request.note-added', 'request.team-changed', 'request.member-changed'])(
    'queues %s as a request-event job holding ids only',
    async (event) => {
      const envelope = requestEnvelope({ event });
      const response = await deliver(envelope, `route-${event}`);
      expect(response.status).toBe(202);
      const job = await intake.queues.events.getJob(`delivery-route-${event}`);
      expect(job?.name).toBe('request-event');
      expect(Object.keys((job?.data as Record<string, unknown> | undefined) ?? {}).sort()).toEqual([
        'accountId',
        'deliveryId',
        'event',
        'receivedAt',
        'requestNodeId',
      ]);
      expect(job?.data).toMatchObject({ event, accountId: 'acme', requestNodeId: envelope['object_nodeID'], deliveryId: `route-${event}` });
    },
  );

  it('queues request.status-changed with its status and who changed it (ids only)', async () => {
    const response = await deliver(
      requestEnvelope({
        event: 'request.status-changed',
        person_nodeID: 'UGVyc29uLzc',
        payload: { status: 'completed', previous_status: 'assigned' },
      }),
      'route-status',
    );
    expect(response.status).toBe(202);
    const job = await intake.queues.events.getJob('delivery-route-status');
    expect(job?.data).toMatchObject({ event: 'request.status-changed', actor: { personNodeId: 'UGVyc29uLzc', status: 'completed' } });
  });

  it('accepts events of a customer account', async () => {
    expect((await deliver(requestEnvelope({ account_id: 'globex' }), 'route-customer')).status).toBe(202);
  });

  it('queues problem events on the problem queue', async () => {
    expect((await deliver(requestEnvelope({ event: 'problem.manager-changed' }), 'route-problem')).status).toBe(202);
    const job = await intake.queues.problemEvents.getJob('delivery-route-problem');
    expect(job?.data).toMatchObject({ event: 'problem.manager-changed', problemNodeId: expect.any(String) });
  });

  it('acknowledges known events we do not act on, and unknown ones, without queueing', async () => {
    const before = await intake.jobCount();
    for (const [event, id] of [
      ['task.update', 'k1'],
      ['request.agile-board-column-changed', 'k2'],
      ['request.completed', 'u1'],
      ['brand.new-event', 'u2'],
    ] as const) {
      const response = await deliver(requestEnvelope({ event, object_nodeID: undefined }), id);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ status: 'ignored' });
    }
    expect(await intake.jobCount()).toBe(before);
    const { outcomes, events } = intake.metrics.snapshot();
    expect(outcomes).toMatchObject({ 'ignored-known': 2, 'ignored-unknown': 2 });
    expect(events).toMatchObject({ 'ignored-known task.update': 1, 'ignored-unknown (unknown)': 2 });
    expect(intake.logs.lines().filter((l) => l['message'] === 'event acknowledged, not queued' && l['level'] === 'warn')).toHaveLength(2);
  });

  it('still refuses other accounts with 403', async () => {
    expect((await deliver(requestEnvelope({ account_id: 'initech' }), 'route-foreign')).status).toBe(403);
  });
});
