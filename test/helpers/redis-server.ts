import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  persistence?: boolean;
  /** Further redis-server options, e.g. `['--requirepass', pw]` or `['--maxmemory-policy', 'allkeys-lru']`. */
  args?: readonly string[];
}

/**
 * A private redis-server on `port` with an append-only file in `dir`, so a restart keeps the data
 * (benchmarks that only measure memory turn persistence off).
 */
export async function startRedisServer(
  port: number,
  dir: string,
  { persistence = true, args: extra = [] }: RedisServerOptions = {},
): Promise<RedisServer> {
  const durability = persistence ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...durability, '--save', '', ...extra];
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await answers(port)); i += 1) await sleep(50);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** True once the server answers a PING, with PONG or (password set) with NOAUTH. */
function answers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}
