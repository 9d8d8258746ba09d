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

const startWeb = async (
  prefix: string,
  limits: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number },
) => {
  const log = createLogCapture('warn');
  const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', PORT: '0', XURRENT_SIMULATOR: 'off' });
  // Small values the schema would refuse (its minimum is 1 s), so the test needs no long waits.
  const service = await startService({
    config: { ...config, http: { ...config.http, limits } },
    logger: log.logger,
    roles: { web: true, worker: false },
  });
  return { service, log, port: Number(new URL(service.httpUrl as string).port) };
};

const stopService = async (service: RunningService) =>
  void (await runShutdown(service.shutdownSteps(), 10_000, createLogCapture('error').logger));

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
    web = await startWeb(prefix, { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnections: 50 });
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
    c.socket.write(
      `POST ${XURRENT_WEBHOOK_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`,
    );
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
});

describe('HTTP connection cap on the real server', () => {
  const prefix = uniquePrefix('http-cap');
  let capped: Awaited<ReturnType<typeof startWeb>>;
  const clients: RawClient[] = [];
  const client = async () => {
    const opened = await openClient(capped.port);
    clients.push(opened);
    return opened;
  };

  beforeAll(async () => {
    // Long timeouts: the held connections must stay open however slowly this machine runs.
    capped = await startWeb(prefix, { headersTimeoutMs: 30_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 30_000, maxConnections: 4 });
  }, 30_000);

  afterAll(async () => {
    for (const c of clients) c.socket.destroy();
    await stopService(capped.service);
    await deleteKeys(prefix);
  });

  it('refuses a connection beyond the cap with no answer, logs it, and takes new ones once a slot is free', async () => {
    // Each client completes a request before the next connects, so the server has surely counted it.
    // The service's own readiness probe (availability heartbeats) may hold one keep-alive slot too.
    const served: RawClient[] = [];
    let refused: RawClient | undefined;
    while (refused === undefined && served.length <= 4) {
      const c = await client();
      c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      await waitFor(() => c.closed() || c.received().includes('"status":"ok"'), 'an answer or a close', 5_000);
      if (c.received().includes('"status":"ok"')) served.push(c);
      else refused = c;
    }
    expect(refused?.received()).toBe('');
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(served.length).toBeLessThanOrEqual(4);
    const capLines = capped.log.lines().filter((l) => l.message === 'HTTP connection cap reached: new connections are closed');
    expect(capLines.map((l) => [l.level, l.maxConnections])).toEqual([['warn', 4]]);

    served[0]?.socket.destroy();
    await waitFor(
      async () => {
        const again = await client();
        again.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
        await waitFor(() => again.closed() || again.received().includes('"status":"ok"'), 'an answer or a close', 5_000);
        return again.received().includes('"status":"ok"');
      },
      'a new connection to be served once a slot is free',
      5_000,
    );
  });
});
