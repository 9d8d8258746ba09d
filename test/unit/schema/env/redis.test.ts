import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { createRedis } from '../../../../src/redis/connection.js';
import { describeRedisTarget, parseSentinelList } from '../../../../src/redis/redis-target.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

const SENTINELS = { REDIS_SENTINELS: 's1.internal:26379, s2.internal:26380,[::1]:26381', REDIS_SENTINEL_NAME: 'xsw' };

describe('Redis Sentinel settings', () => {
  it('parse into a Sentinel target with both passwords', () => {
    const config = loadConfig({ ...SENTINELS, REDIS_SENTINEL_PASSWORD: 'sentinel-secret', REDIS_PASSWORD: 'data-secret' });
    expect(config.redis.sentinel).toEqual({
      kind: 'sentinel',
      name: 'xsw',
      sentinels: [
        { host: 's1.internal', port: 26379 },
        { host: 's2.internal', port: 26380 },
        { host: '::1', port: 26381 },
      ],
      password: 'data-secret',
      sentinelPassword: 'sentinel-secret',
    });
  });

  it('are absent by default: one Redis, no replica acknowledgement', () => {
    const config = loadConfig({});
    expect(config.redis.sentinel).toBeUndefined();
    expect(config.redis.replicaAck).toEqual({ replicas: 0, timeoutMs: 1_000 });
  });

  it('name a bad entry, a missing group name and a REDIS_URL beside them, never a password', () => {
    const problems = configProblemsOf({
      REDIS_SENTINELS: 'good:26379,no-port',
      REDIS_URL: 'redis://:pw-secret@h:6379',
      REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
    });
    expect(problems).toEqual([
      'REDIS_SENTINELS: "no-port" is not host:port (e.g. sentinel-1.internal:26379)',
      'REDIS_SENTINEL_NAME: is required with REDIS_SENTINELS (the master group name the Sentinels monitor)',
      'REDIS_URL: must be unset with REDIS_SENTINELS (the Sentinels name the primary)',
    ]);
    expect(problems.join(' ')).not.toMatch(/secret/);
  });

  it('refuse Sentinel-only settings without REDIS_SENTINELS', () => {
    expect(configProblemsOf({ REDIS_SENTINEL_NAME: 'xsw', REDIS_PASSWORD: 'p' })).toEqual([
      'REDIS_SENTINEL_NAME: is only used with REDIS_SENTINELS',
      'REDIS_PASSWORD: is only used with REDIS_SENTINELS (with REDIS_URL the password goes in the URL)',
    ]);
  });

  it('refuse REDIS_CLUSTER_NODES with the reason', () => {
    const [problem] = configProblemsOf({ REDIS_CLUSTER_NODES: 'a:7000,b:7001' });
    expect(problem).toMatch(/^REDIS_CLUSTER_NODES: Redis Cluster is not supported .*use REDIS_SENTINELS or REDIS_URL$/);
  });

  it('refuse replica acknowledgement on a Redis that cannot have replicas (local or embedded)', () => {
    expect(configProblemsOf({ REDIS_MIN_REPLICAS_ACK: '1' })).toHaveLength(1);
    expect(loadConfig({ REDIS_MIN_REPLICAS_ACK: '1', REDIS_URL: 'redis://h:6379' }).redis.replicaAck.replicas).toBe(1);
    expect(loadConfig({ ...SENTINELS, REDIS_MIN_REPLICAS_ACK: '2', REDIS_REPLICA_ACK_TIMEOUT_MS: '250' }).redis.replicaAck).toEqual({
      replicas: 2,
      timeoutMs: 250,
    });
  });

  it('describe a target for the log without its passwords', () => {
    const config = loadConfig({ ...SENTINELS, REDIS_SENTINEL_PASSWORD: 'sentinel-secret', REDIS_PASSWORD: 'data-secret' });
    const text = JSON.stringify(describeRedisTarget(config.redis.sentinel!));
    expect(text).toBe('{"mode":"sentinel","name":"xsw","sentinels":"s1.internal:26379,s2.internal:26380,::1:26381"}');
    expect(JSON.stringify(describeRedisTarget({ kind: 'url', url: 'redis://:pw-secret@h.internal:6380?password=x' }))).not.toMatch(
      /secret|password/,
    );
  });

  it('open a connection that asks the Sentinels for the primary and reconnects on READONLY', () => {
    const config = loadConfig({ ...SENTINELS, REDIS_SENTINEL_PASSWORD: 'sp', REDIS_PASSWORD: 'dp' });
    const redis = createRedis(config.redis.sentinel!, 'worker', 'test', { lazyConnect: true });
    expect(redis.options).toMatchObject({
      name: 'xsw',
      role: 'master',
      password: 'dp',
      sentinelPassword: 'sp',
      maxRetriesPerRequest: null,
      connectionName: 'test',
    });
    expect(redis.options.sentinels).toHaveLength(3);
    expect(redis.options.reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(redis.options.failoverDetector).toBeFalsy();
    // BullMQ's blocking connections are duplicates: they must follow the Sentinels too.
    const duplicate = redis.duplicate();
    expect(duplicate.options).toMatchObject({ name: 'xsw', role: 'master', sentinelPassword: 'sp' });
    redis.disconnect();
    duplicate.disconnect();
  });

  it('read a list with spaces and refuse an empty one or a bad port', () => {
    expect(parseSentinelList(' a:1 , b:2 ')).toEqual([
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
    ]);
    expect(parseSentinelList(',')).toBe('must list at least one host:port');
    expect(parseSentinelList('a:70000')).toMatch(/not host:port/);
  });
});
