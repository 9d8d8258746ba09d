import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import net from 'node:net';
import { findFreePort } from '../../src/redis/probe.js';

export interface RedisNode {
  port: number;
  url: string;
  child: ChildProcess;
}

export interface SentinelGroup {
  /** The Sentinels' master group name (REDIS_SENTINEL_NAME). */
  name: string;
  primary: RedisNode;
  replicas: RedisNode[];
  sentinels: RedisNode[];
  /** REDIS_SENTINELS for this group. */
  sentinelList: string;
  /** The port of the primary as the Sentinels name it now. */
  currentPrimaryPort(): Promise<number>;
  /** Resolves once every Sentinel names a primary other than `oldPort`, with the time it took from `sinceMs`. */
  waitForPromotion(oldPort: number, timeoutMs: number): Promise<number>;
  /** Stops every process (SIGKILL: nothing here needs to outlive the test) and removes the directory. */
  stop(): Promise<void>;
}

/** Sentinel's timings shortened for a test: down after 1 s, a failover retried after 5 s. */
const DOWN_AFTER_MS = 1_000;

function spawnNode(args: string[]): ChildProcess {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}

/** A PING answered with PONG, or with NOAUTH when the node has a password. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

async function waitUntilAnswers(port: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await answers(port)) return;
    await sleep(25);
  }
  throw new Error(`redis-server on ${port} did not answer`);
}

/**
 * One primary, `replicaCount` replicas and `sentinelCount` Sentinels (`redis-server --sentinel`) on
 * free loopback ports, each data node with an append-only file in a temporary directory. Resolves
 * once every Sentinel sees every replica and every other Sentinel, so a failover can start at once.
 */
export async function startSentinelGroup({
  replicaCount = 2,
  sentinelCount = 3,
  name = 'xsw-test',
  password,
  sentinelPassword,
}: {
  replicaCount?: number;
  sentinelCount?: number;
  name?: string;
  password?: string;
  sentinelPassword?: string;
} = {}): Promise<SentinelGroup> {
  const auth = password ? ['--requirepass', password, '--masterauth', password] : [];
  const dir = mkdtempSync(join(tmpdir(), 'xsw-sentinel-'));
  const started: RedisNode[] = [];
  const dataNode = async (label: string, extra: string[]): Promise<RedisNode> => {
    const port = await findFreePort();
    const nodeDir = join(dir, label);
    mkdirSync(nodeDir);
    const child = spawnNode([
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      nodeDir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      ...auth,
      ...extra,
    ]);
    const node = { port, url: `redis://127.0.0.1:${port}`, child };
    started.push(node);
    await waitUntilAnswers(port);
    return node;
  };
  const stop = async () => {
    await Promise.all(
      started.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primary = await dataNode('primary', []);
    const replicas: RedisNode[] = [];
    for (let i = 0; i < replicaCount; i += 1)
      replicas.push(await dataNode(`replica-${i}`, ['--replicaof', '127.0.0.1', String(primary.port)]));
    // Every replica in sync (state=online) before anything counts on WAIT.
    const probe = new Redis(primary.url, { maxRetriesPerRequest: 1, ...(password ? { password } : {}) });
    probe.on('error', () => undefined);
    try {
      for (let i = 0; ; i += 1) {
        const online = ((await probe.info('replication')).match(/^slave\d+:.*state=online/gm) ?? []).length;
        if (online >= replicaCount) break;
        if (i > 400) throw new Error(`replicas not in sync: ${online} of ${replicaCount}`);
        await sleep(50);
      }
    } finally {
      probe.disconnect();
    }
    const sentinels: RedisNode[] = [];
    for (let i = 0; i < sentinelCount; i += 1) {
      const port = await findFreePort();
      const conf = join(dir, `sentinel-${i}.conf`);
      // Sentinel rewrites its config file as it learns the group, so each gets its own writable copy.
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${primary.port} ${Math.floor(sentinelCount / 2) + 1}`,
          `sentinel down-after-milliseconds ${name} ${DOWN_AFTER_MS}`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} ${replicaCount}`,
          ...(password ? [`sentinel auth-pass ${name} ${password}`] : []),
          // The Sentinels' own password; they use it with each other too.
          ...(sentinelPassword ? [`requirepass ${sentinelPassword}`] : []),
          '',
        ].join('\n'),
      );
      const child = spawnNode([conf, '--sentinel']);
      const node = { port, url: `redis://127.0.0.1:${port}`, child };
      started.push(node);
      sentinels.push(node);
      await waitUntilAnswers(port);
    }
    const ask = async <T>(port: number, use: (sentinel: Redis) => Promise<T>): Promise<T> => {
      const sentinel = new Redis({
        port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        ...(sentinelPassword ? { password: sentinelPassword } : {}),
      });
      sentinel.on('error', () => undefined);
      try {
        await sentinel.connect();
        return await use(sentinel);
      } finally {
        sentinel.disconnect();
      }
    };
    const masterOf = (port: number) =>
      ask(port, async (s) => {
        const flat = (await s.call('SENTINEL', 'MASTER', name)) as string[];
        const fields = new Map<string, string>();
        for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] as string, flat[i + 1] as string);
        return fields;
      });
    // Replicas found through the primary's INFO, other Sentinels through hello messages (every 2 s).
    const deadline = Date.now() + 20_000;
    for (const sentinel of sentinels) {
      for (;;) {
        const master = await masterOf(sentinel.port).catch(() => new Map<string, string>());
        if (Number(master.get('num-slaves')) >= replicaCount && Number(master.get('num-other-sentinels')) >= sentinelCount - 1) break;
        if (Date.now() > deadline) throw new Error(`sentinel ${sentinel.port} did not discover the group: ${JSON.stringify([...master])}`);
        await sleep(100);
      }
    }
    const currentPrimaryPort = async (port = sentinels[0]?.port ?? 0) =>
      Number(((await ask(port, (s) => s.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name))) as string[])[1]);
    return {
      name,
      primary,
      replicas,
      sentinels,
      sentinelList: sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
      currentPrimaryPort: () => currentPrimaryPort(),
      async waitForPromotion(oldPort, timeoutMs) {
        const start = Date.now();
        for (;;) {
          const ports = await Promise.all(sentinels.map((s) => currentPrimaryPort(s.port).catch(() => oldPort)));
          if (ports.every((p) => p !== oldPort)) return Date.now() - start;
          if (Date.now() - start > timeoutMs) throw new Error(`no promotion within ${timeoutMs} ms (sentinels name ${ports.join(',')})`);
          await sleep(50);
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
