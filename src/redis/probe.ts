import net from 'node:net';

/** True when something on host:port answers a Redis PING within the timeout. */
export function pingRedis(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}

/**
 * Ports picked from below Linux's ephemeral range (32768–60999 by default). A port the kernel hands
 * out for `listen(0)` is in that range, where outgoing connections take their local ports too, and the
 * kernel tends to hand a just-released port to the next asker: between our check and the caller's
 * listen, another process's connection or server could take it (CI saw EADDRINUSE). A random port
 * below the range is taken by neither.
 */
const PICK_FROM = 10_000;
const PICK_TO = 32_000;

/** Whether `port` on loopback can be listened on now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port on loopback that was free a moment ago, picked at random outside the ephemeral range. */
export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = PICK_FROM + Math.floor(Math.random() * (PICK_TO - PICK_FROM));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${PICK_FROM} and ${PICK_TO} after 50 tries`);
}
