import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Binds the app to a random loopback port, so requests go over real HTTP with exact bytes and headers. */
export async function listen(app: Express): Promise<Listening> {
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * POSTs raw bytes with exactly the given headers (no Content-Type unless given), on a fresh
 * connection each time: a reused keep-alive socket can be closed by the server's idle timer just as
 * a slow (loaded) test reuses it, which fails the request with ECONNRESET before it is even sent.
 * Resolves with the answer as soon as it is complete, even if the server then resets a connection
 * whose body it refused to read (413).
 */
export function postRaw(url: string, body: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Promise<{ status: number; text: string; json: () => Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      `${url}/webhooks/xurrent`,
      { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(bytes.byteLength) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    // After a complete answer a late reset is the server not reading a refused body: not a failure.
    req.on('error', reject);
    req.end(bytes);
  });
}
