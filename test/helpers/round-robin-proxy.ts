import { once } from 'node:events';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests no backend could take (answered 502): both were down at once. */
  bothDown(): number;
  /** Requests the first backend tried could not take, so another one did. */
  redirected(): number;
  close(): Promise<void>;
}

function forward(
  port: number,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    out.on('error', reject);
    out.end(body);
  });
}

/**
 * A load balancer for a test: each request goes to the next backend in turn; one that refuses or drops
 * the connection (a web process stopping or starting) is skipped for the next, as a load balancer's
 * retry would. A webhook is safe to send twice (its delivery id deduplicates it). 502 only when every
 * backend failed.
 */
export async function startRoundRobinProxy(backendPorts: readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  let failedAll = 0;
  let movedOn = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const relay = async () => {
      const body = Buffer.concat(chunks);
      const first = (next += 1);
      for (let i = 0; i < backendPorts.length; i += 1) {
        try {
          const answer = await forward(backendPorts[(first + i) % backendPorts.length] ?? 0, req, body);
          if (i > 0) movedOn += 1;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
          return;
        } catch {
          // This backend is down right now: the next one.
        }
      }
      failedAll += 1;
      res.writeHead(502).end();
    };
    req.on('end', () => void relay());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bothDown: () => failedAll,
    redirected: () => movedOn,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
