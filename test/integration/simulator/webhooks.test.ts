import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { importSPKI, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../../../schema/graphql/request-update.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare HTTP endpoint that records what it receives and answers `status`. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((r) => server.close(r)),
  };
}

let sim: Simulator | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

describe('Xurrent simulator webhooks', () => {
  it('sends the plain envelope with Xurrent headers for the registered event only', async () => {
    receiver = await startReceiver();
    sim = await startSimulator({ webhooks: [{ event: 'request.status-changed', uri: receiver.url }] });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const { requestCreate } = await xurrent.request(REQUEST_CREATE, { input: { subject: 'VPN' } }, RequestCreateResultSchema);
    const id = requestCreate.request?.id ?? '';
    await xurrent.request(REQUEST_UPDATE, { input: { id, status: 'in_progress' } }, RequestUpdateResultSchema);
    await sim.webhooks.idle();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(delivery?.headers['user-agent']).toMatch(/^xurrent\/1\.0 \(/);
    expect(delivery?.headers['x-xurrent-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery?.headers['link']).toContain('/requests/1>; rel="canonical"');
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      webhook_id: 1,
      account_id: 'demo',
      account: 'https://demo.xurrent.sim',
      event: 'request.status-changed',
      object_id: 1,
      object_nodeID: id,
      person_name: 'Support Worker (API)',
      payload: { status: 'in_progress', previous_status: 'assigned' },
    });
  });

  it('signs under a policy: body {"jwt"} verifiable with the published public key', async () => {
    receiver = await startReceiver();
    sim = await startSimulator({
      webhooks: [{ event: 'request.create', uri: receiver.url, policy: { jwtAlg: 'RS256', jwtAudience: 'support-worker' } }],
    });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    await xurrent.request(REQUEST_CREATE, { input: { subject: 'Signed' } }, RequestCreateResultSchema);
    await sim.webhooks.idle();

    const body = JSON.parse(receiver.received[0]?.body ?? '{}') as { jwt: string };
    expect(Object.keys(body)).toEqual(['jwt']);
    const key = await importSPKI(sim.webhookPublicKeys[0] ?? '', 'RS256');
    const { payload, protectedHeader } = await jwtVerify(body.jwt, key, {
      algorithms: ['RS256'],
      issuer: 'https://demo.xurrent.sim',
      audience: 'support-worker',
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: '1', data: { event: 'request.create', account_id: 'demo' } });
    expect(payload.jti).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('retries a delivery the receiver refuses', async () => {
    receiver = await startReceiver([503, 200]);
    sim = await startSimulator({ webhooks: [{ event: 'request.create', uri: receiver.url }], webhookRetryDelayMs: 10 });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    await xurrent.request(REQUEST_CREATE, { input: { subject: 'Retry' } }, RequestCreateResultSchema);
    await sim.webhooks.idle();
    expect(receiver.received.map((r) => r.headers['x-xurrent-delivery'])).toEqual([
      expect.any(String),
      receiver.received[0]?.headers['x-xurrent-delivery'],
    ]);
    expect(sim.webhooks.deliveries[0]).toMatchObject({ attempts: 2, status: 200 });
  });
});

describe('Xurrent simulator webhook redelivery', () => {
  it('redelivers as Xurrent does (same body, new id, origin header) or as a fresh duplicate', async () => {
    receiver = await startReceiver();
    sim = await startSimulator({ webhooks: [{ event: 'request.create', uri: receiver.url, policy: { jwtAlg: 'RS256' } }] });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    await xurrent.request(REQUEST_CREATE, { input: { subject: 'Twice' } }, RequestCreateResultSchema);
    await sim.webhooks.idle();
    const original = sim.webhooks.deliveries[0]?.deliveryId ?? '';
    sim.webhooks.redeliver(original);
    await sim.webhooks.idle();
    sim.webhooks.redeliver(original, { fresh: true });
    await sim.webhooks.idle();

    const [first, again, fresh] = receiver.received;
    expect(again?.body).toBe(first?.body);
    expect(again?.headers['x-xurrent-delivery-origin']).toBe(original);
    expect(again?.headers['x-xurrent-delivery']).not.toBe(original);
    expect(fresh?.body).not.toBe(first?.body);
    expect(fresh?.headers['x-xurrent-delivery-origin']).toBeUndefined();
    expect(() => sim?.webhooks.redeliver('nope')).toThrow(/no delivery nope/);
  });
});
