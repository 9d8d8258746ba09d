import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { pingRedis } from '../../src/redis/probe.js';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A private redis-server on `port` with an append-only file in `dir`, so a restart keeps the data
 * (benchmarks that only measure memory turn persistence off).
 */
export async function startRedisServer(port: number, dir: string, { persistence = true } = {}): Promise<RedisServer> {
  const durability = persistence ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...durability, '--save', ''];
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await pingRedis('127.0.0.1', port)); i += 1) await sleep(50);
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
