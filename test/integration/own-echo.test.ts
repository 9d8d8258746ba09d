import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusActor } from '../../src/state/status-actors.js';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { createTestSigner, requestEnvelope, signedEnv, type TestSigner } from '../helpers/signing.js';

const API_USER = 'NG1lLmNvbS9QZXJzb24vOTk5';
const recorded: { requestNodeId: string; actor: StatusActor }[] = [];
let apiUser: string | null = API_USER;
let signer: TestSigner;
let intake: TestIntake;
let server: Listening;
beforeAll(async () => {
  signer = await createTestSigner();
  intake = await startTestIntake(signedEnv(signer), {
    ownEcho: { apiUser: async () => apiUser, recordActor: async (requestNodeId, actor) => void recorded.push({ requestNodeId, actor }) },
  });
  server = await listen(intake.app);
});
afterAll(async () => {
  await server?.close();
  await intake?.close();
});

let serial = 0;
async function deliver(overrides: Record<string, unknown>) {
  const jti = `echo-${(serial += 1)}`;
  const envelope = requestEnvelope(overrides);
  const { status } = await postRaw(server.url, JSON.stringify({ jwt: await signer.sign(envelope, { jti }) }), {
    'content-type': 'application/json',
    'x-xurrent-delivery': jti,
  });
  return { status, requestNodeId: String(envelope['object_nodeID']) };
}

describe("the worker's own echoes (issue 21, point 7)", () => {
  it('answers 200 to a request event by the API user, counts it as ignored-own-echo and queues nothing', async () => {
    const before = await intake.jobCount();
    expect((await deliver({ person_nodeID: API_USER, event: 'request.update' })).status).toBe(200);
    expect(await intake.jobCount()).toBe(before);
    expect(intake.metrics.snapshot().outcomes['ignored-own-echo']).toBe(1);
  });

  it('still records who changed the status (the response reading needs it) for an own status change', async () => {
    const { status, requestNodeId } = await deliver({
      person_nodeID: API_USER,
      event: 'request.status-changed',
      payload: { status: 'waiting_for_customer' },
    });
    expect(status).toBe(200);
    expect(recorded).toEqual([
      { requestNodeId, actor: { personNodeId: API_USER, status: 'waiting_for_customer', atMs: expect.any(Number) } },
    ]);
  });

  it("processes another person's events, system events (no person) and everything while the API user is unknown", async () => {
    const before = await intake.jobCount();
    expect((await deliver({ person_nodeID: 'NG1lLmNvbS9QZXJzb24vNTkx' })).status).toBe(202);
    expect((await deliver({ person_nodeID: null, person_id: null })).status).toBe(202);
    apiUser = null;
    expect((await deliver({ person_nodeID: API_USER })).status).toBe(202);
    apiUser = API_USER;
    expect(await intake.jobCount()).toBe(before + 3);
    expect(intake.metrics.snapshot().outcomes['ignored-own-echo']).toBe(2);
  });
});
