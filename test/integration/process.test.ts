import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, pingRedis } from '../../src/redis/probe.js';
import { spawnEntrypoint, spawnNpm, type SpawnedProcess } from '../helpers/spawn-service.js';
import { waitFor } from '../helpers/wait-for.js';

describe('the service as a process', () => {
  let running: SpawnedProcess | undefined;
  const dirs: string[] = [];

  afterEach(() => {
    running?.child.kill('SIGKILL');
    running = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 on a bad configuration, naming every bad variable but no value, before opening a port', async () => {
    running = spawnEntrypoint('src/main.ts', {
      PORT: 'eighty',
      LOG_LEVEL: 'verbose',
      REDIS_URL: 'http://not-redis.example',
      XURRENT_CLIENT_SECRET: 'super-secret-value',
      HOST: '127.0.0.1',
    });
    const { code } = await running.exited;
    expect(code).toBe(1);
    const stderr = running.stderr();
    for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'XURRENT_CLIENT_ID', 'XURRENT_ACCOUNT']) expect(stderr).toContain(name);
    for (const value of ['eighty', 'verbose', 'not-redis.example', 'super-secret-value']) expect(stderr).not.toContain(value);
    expect(running.stdout()).not.toContain('listening');
    expect(running.stdout()).not.toContain('redis');
  });

  it('`npm start` comes up without REDIS_URL on a private embedded Redis, answers /healthz, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xsw-embedded-'));
    dirs.push(dir);
    const port = await findFreePort();
    running = spawnNpm('start', {
      HOST: '127.0.0.1',
      PORT: String(port),
      REDIS_EMBEDDED: 'always',
      REDIS_EMBEDDED_DIR: dir,
      QUEUE_PREFIX: 'test-embedded',
    });
    const started = Date.now();
    await waitFor(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) })).status === 200;
        } catch {
          return false;
        }
      },
      '/healthz',
      15_000,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    const embeddedLine = running
      .stdout()
      .split('\n')
      .find((line) => line.includes('started embedded redis-server'));
    const embeddedUrl = new URL(String((JSON.parse(embeddedLine ?? '{}') as { url?: unknown }).url));
    expect(await pingRedis('127.0.0.1', Number(embeddedUrl.port))).toBe(true);

    running.child.kill('SIGTERM');
    const { code } = await running.exited;
    expect(code).toBe(0);
    expect(await pingRedis('127.0.0.1', Number(embeddedUrl.port))).toBe(false);
  });
});
