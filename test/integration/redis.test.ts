import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvictionPolicy } from '../../src/redis/check-eviction-policy.js';
import { RedisServerMissingError, startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded.js';
import { pingRedis } from '../../src/redis/probe.js';
import { createLogCapture } from '../helpers/log-capture.js';

describe('embedded Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xsw-redis-'));
  let embedded: EmbeddedRedis;
  let client: Redis;

  beforeAll(async () => {
    embedded = await startEmbeddedRedis({ dir });
    client = new Redis(embedded.url, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    client.disconnect();
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback with append-only persistence and noeviction', async () => {
    expect(new URL(embedded.url).hostname).toBe('127.0.0.1');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', dir]);
  });

  it('passes the eviction-policy check silently when it is noeviction, and warns otherwise', async () => {
    const quiet = createLogCapture();
    expect(await checkEvictionPolicy(client, quiet.logger)).toBe('noeviction');
    expect(quiet.lines()).toEqual([]);

    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const loud = createLogCapture();
    expect(await checkEvictionPolicy(client, loud.logger)).toBe('allkeys-lru');
    expect(loud.lines()[0]).toMatchObject({ level: 'warn', policy: 'allkeys-lru' });
    await client.config('SET', 'maxmemory-policy', 'noeviction');
  });

  it('names both ways out when no redis-server binary exists', async () => {
    const error = await startEmbeddedRedis({ dir, binary: 'redis-server-that-does-not-exist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisServerMissingError);
    expect(String((error as Error).message)).toMatch(/install Redis/);
    expect(String((error as Error).message)).toMatch(/REDIS_URL/);
  });

  it('stops the server on stop()', async () => {
    const other = await startEmbeddedRedis({ dir: join(dir, 'other') });
    const port = Number(new URL(other.url).port);
    expect(await pingRedis('127.0.0.1', port)).toBe(true);
    await other.stop();
    expect(await pingRedis('127.0.0.1', port)).toBe(false);
  });
});
