import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../../../schema/graphql/request-update.js';
import { NOTE_CREATE, NoteCreateResultSchema } from '../../../schema/graphql/note-create.js';
import { createManualClock } from '../../../src/clock.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

const FRIDAY = Date.parse('2026-03-27T15:00:00Z');
const HOUR = 3_600_000;

let sim: Simulator | undefined;
let closeReceiver: (() => void) | undefined;
afterEach(async () => {
  await sim?.close();
  closeReceiver?.();
  sim = undefined;
});

/** Collects the bodies posted to it. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      res.writeHead(202).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closeReceiver = () => server.close();
  return { bodies, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

describe('simulator on a virtual clock', () => {
  it('dates every record from the injected clock: created, updated, completed, notes and targets', async () => {
    const clock = createManualClock(FRIDAY);
    sim = await startSimulator({ clock });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const { requestCreate } = await xurrent.request(
      REQUEST_CREATE,
      { input: { subject: 'Mail down', impact: 'top' } },
      RequestCreateResultSchema,
    );
    const id = requestCreate.request?.id ?? expect.unreachable('no request');

    clock.set(FRIDAY + 2 * HOUR);
    await xurrent.request(REQUEST_UPDATE, { input: { id, status: 'completed', completionReason: 'solved' } }, RequestUpdateResultSchema);
    clock.set(FRIDAY + 3 * HOUR);
    await xurrent.request(NOTE_CREATE, { input: { ownerId: id, text: 'Thanks' } }, NoteCreateResultSchema);

    const record = sim.store.requests.get(id);
    expect(record).toMatchObject({
      createdAt: '2026-03-27T15:00:00.000Z',
      updatedAt: '2026-03-27T17:00:00.000Z',
      completedAt: '2026-03-27T17:00:00.000Z',
      responseTargetAt: '2026-03-27T16:00:00.000Z',
      resolutionTargetAt: '2026-03-27T19:00:00.000Z',
    });
    expect([...sim.store.notes.values()].map((n) => n.createdAt)).toEqual(['2026-03-27T18:00:00.000Z']);
  });

  it('signs webhooks with real iat/nbf, whatever the virtual time, so the receiver accepts them', async () => {
    const receiver = await startReceiver();
    sim = await startSimulator({
      clock: createManualClock(Date.parse('2030-01-01T00:00:00Z')),
      webhooks: [{ event: 'request.create', uri: receiver.url, policy: { jwtAlg: 'RS256' } }],
    });
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const before = Math.floor(Date.now() / 1000);
    await xurrent.request(REQUEST_CREATE, { input: { subject: 'Signed now' } }, RequestCreateResultSchema);
    await sim.webhooks.idle();
    const claims = decodeJwt((JSON.parse(receiver.bodies[0] ?? '{}') as { jwt: string }).jwt);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(claims.nbf).toBe(claims.iat);
  });

  it('keeps real time when no clock is given', async () => {
    sim = await startSimulator();
    const xurrent = simulatorClient(sim, createLogCapture().logger);
    const before = Date.now();
    const { requestCreate } = await xurrent.request(REQUEST_CREATE, { input: { subject: 'Now' } }, RequestCreateResultSchema);
    const created = Date.parse(sim.store.requests.get(requestCreate.request?.id ?? '')?.createdAt ?? '');
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
  });
});
