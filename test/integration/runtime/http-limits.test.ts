import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { runShutdown } from '../../../src/runtime/shutdown.js';
import { startService, type RunningService } from '../../../src/runtime/service.js';
import { XURRENT_WEBHOOK_PATH } from '../../../webhooks/xurrent-route.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';

/** A raw TCP client: what it received, and whether the server closed it. */
interface RawClient {
  socket: Socket;
  received(): string;
  closed(): boolean;
}

function openClient(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => void (data += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => void (closed = true));
    socket.once('connect', () => resolve({ socket, received: () => data, closed: () => closed }));
    socket.once('error', reject);
  });
}

/** Writes `line` every `ms` until the server closes the socket; returns how many it wrote. */
function dribble(client: RawClient, line: (n: number) => string, ms: number): { stop(): number } {
  let written = 0;
  const timer = setInterval(() => {
    if (client.closed() || !client.socket.writable) return;
    client.socket.write(line(written));
    written += 1;
  }, ms);
  return { stop: () => (clearInterval(timer), written) };
}

const startWeb = async (prefix: string, limits: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number }) => {
  const log = createLogCapture('warn');
  const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', PORT: '0', XURRENT_SIMULATOR: 'off' });
  // Small values the schema would refuse (its minimum is 1 s), so the test needs no long waits.
  const service = await startService({ config: { ...config, http: { ...config.http, limits } }, logger: log.logger, roles: { web: true, worker: false } });
  return { service, log, port: Number(new URL(service.httpUrl as string).port) };
};

const stopService = async (service: RunningService) => void (await runShutdown(service.shutdownSteps(), 10_000, createLogCapture('error').logger));

describe('HTTP server limits on the real server', () => {
  const prefix = uniquePrefix('http-limits');
  let web: Awaited<ReturnType<typeof startWeb>>;
  const clients: RawClient[] = [];
  const client = async () => {
    const opened = await openClient(web.port);
    clients.push(opened);
    return opened;
  };

  beforeAll(async () => {
    web = await startWeb(prefix, { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnections: 4 });
  }, 30_000);

  afterAll(async () => {
    for (const c of clients) c.socket.destroy();
    await stopService(web.service);
    await deleteKeys(prefix);
  });

  it('answers a prompt request on the same server (the limits do not get in the way)', async () => {
    const c = await client();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await waitFor(() => c.received().includes('"status":"ok"'), 'the health answer', 5_000);
    expect(c.received()).toMatch(/^HTTP\/1\.1 200 /);
    c.socket.destroy();
  });

  it('cuts off a slowloris client that sends its headers a line at a time, with 408', async () => {
    const c = await client();
    c.socket.write(`GET /healthz HTTP/1.1\r\nHost: localhost\r\n`);
    const slow = dribble(c, (n) => `X-Slow-${n}: keep me waiting\r\n`, 40);
    await waitFor(() => c.closed(), 'the server to close the slow connection', 5_000);
    const written = slow.stop();
    // It never finished its headers: the server closed the connection while it was still sending.
    expect(written).toBeGreaterThan(0);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('cuts off a client that sends its webhook body a byte at a time, with 408', async () => {
    const c = await client();
    c.socket.write(`POST ${XURRENT_WEBHOOK_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`);
    const slow = dribble(c, () => ' ', 40);
    await waitFor(() => c.closed(), 'the server to close the slow upload', 5_000);
    expect(slow.stop()).toBeLessThan(10_000);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const c = await client();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await waitFor(() => c.received().includes('"status":"ok"'), 'the health answer', 5_000);
    expect(c.received()).toMatch(/Connection: keep-alive/i);
    await waitFor(() => c.closed(), 'the idle connection to be closed', 5_000);
  });

  it('refuses a connection beyond the cap, logs it, and takes new ones once a slot is free', async () => {
    // Each client first completes a request, so it is surely counted before the next one connects.
    const held: RawClient[] = [];
    for (let i = 0; i < 4; i += 1) {
      const c = await client();
      c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      await waitFor(() => c.received().includes('"status":"ok"'), 'a held connection to be served', 5_000);
      held.push(c);
    }
    const refused = await client();
    refused.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await waitFor(() => refused.closed(), 'the fifth connection to be closed', 5_000);
    expect(refused.received()).toBe('');
    const capLines = web.log.lines().filter((l) => l.message === 'HTTP connection cap reached: new connections are closed');
    expect(capLines.map((l) => [l.level, l.maxConnections])).toEqual([['warn', 4]]);

    for (const c of held) c.socket.destroy();
    await waitFor(async () => {
      const again = await client();
      again.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await waitFor(() => again.closed() || again.received().includes('"status":"ok"'), 'an answer or a close', 5_000);
      return again.received().includes('"status":"ok"');
    }, 'a new connection to be served after the held ones closed', 5_000);
  });
});
