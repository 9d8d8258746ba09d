import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, pingRedis } from './probe.js';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisServerMissingError extends Error {
  override readonly name = 'RedisServerMissingError';
  constructor(binary: string) {
    super(
      `No Redis answers on 127.0.0.1:6379 and no "${binary}" binary was found to start one. ` +
        'Either install Redis (e.g. apt-get install redis-server) or set REDIS_URL to a Redis you run.',
    );
  }
}

/**
 * Starts a private redis-server on a free loopback port with append-only persistence in `dir`,
 * so `npm start` works on a machine without Redis and keeps its queues across restarts.
 */
export async function startEmbeddedRedis(options: { dir: string; binary?: string; startTimeoutMs?: number }): Promise<EmbeddedRedis> {
  const binary = options.binary ?? 'redis-server';
  const dir = resolvePath(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = await findFreePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec'];
  args.push('--save', '', '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--protected-mode', 'yes');
  const child = spawn(binary, args, { stdio: 'ignore' });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    const outcome = await Promise.race([spawnError, pingRedis('127.0.0.1', port).then((up) => (up ? 'up' : 'down'))]);
    if (outcome instanceof Error) {
      process.off('exit', killOnExit);
      throw (outcome as NodeJS.ErrnoException).code === 'ENOENT' ? new RedisServerMissingError(binary) : outcome;
    }
    if (outcome === 'up') return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child, killOnExit) };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGKILL');
  process.off('exit', killOnExit);
  throw new Error(`Embedded redis-server did not answer on port ${port} (data dir ${dir})`);
}

async function stopChild(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.off('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM'); // redis-server flushes the append-only file on SIGTERM
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
