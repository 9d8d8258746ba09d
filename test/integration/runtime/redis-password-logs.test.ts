/**
 * Issue 18 (1): the Redis password must never reach a log. A real service process (the Procfile's
 * `web:` entrypoint) starts against a password-protected redis-server, once per way of writing the
 * password in REDIS_URL, and everything it printed until it was ready and stopped is searched for it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../src/redis/probe.js';
import { deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { spawnEntrypoint } from '../../helpers/spawn-service.js';
import { waitFor } from '../../helpers/wait-for.js';

const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const USER_PASSWORD = `upw-${randomBytes(12).toString('hex')}`;
let dir: string;
let server: RedisServer;
let port: number;
let tlsPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xsw-redis-pw-'));
  // A self-signed certificate for 127.0.0.1, trusted by the service through NODE_EXTRA_CA_CERTS.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  [port, tlsPort] = [await findFreePort(), await findFreePort()];
  server = await startRedisServer(port, dir, {
    persistence: false,
    args: [
      '--requirepass',
      PASSWORD,
      '--tls-port',
      String(tlsPort),
      '--tls-cert-file',
      join(dir, 'cert.pem'),
      '--tls-key-file',
      join(dir, 'key.pem'),
      '--tls-ca-cert-file',
      join(dir, 'cert.pem'),
      '--tls-auth-clients',
      'no',
    ],
  });
  const admin = new Redis({ port, password: PASSWORD, maxRetriesPerRequest: 1 });
  await admin.call('ACL', 'SETUSER', 'alice', 'on', `>${USER_PASSWORD}`, '~*', '&*', '+@all');
  admin.disconnect();
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts the web process with `url`, waits for its `ready` line, stops it, and returns what it printed. */
async function startAndStop(url: string): Promise<{ logs: string; ready: Record<string, unknown> }> {
  const prefix = uniquePrefix('redis-pw');
  const running = spawnEntrypoint('src/main-web.ts', {
    REDIS_URL: url,
    HOST: '127.0.0.1',
    PORT: '0',
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'debug',
    NODE_ENV: 'development',
    NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
  });
  try {
    const line = await waitFor(
      () =>
        running
          .stdout()
          .split('\n')
          .find((l) => l.includes('"message":"ready"')),
      `ready (${running.stdout()}${running.stderr()})`,
      30_000,
    );
    running.child.kill('SIGTERM');
    await running.exited;
    return { logs: running.stdout() + running.stderr(), ready: JSON.parse(line) as Record<string, unknown> };
  } finally {
    running.child.kill('SIGKILL');
    await deleteKeys(prefix, `redis://:${PASSWORD}@127.0.0.1:${port}`);
  }
}

describe('the start log of a service on a password-protected Redis', () => {
  it.each([
    ['password only', () => `redis://:${PASSWORD}@127.0.0.1:${port}`, PASSWORD, false],
    ['user and password', () => `redis://alice:${USER_PASSWORD}@127.0.0.1:${port}`, USER_PASSWORD, false],
    ['TLS (rediss://)', () => `rediss://:${PASSWORD}@127.0.0.1:${tlsPort}`, PASSWORD, true],
    ['password as a query option', () => `redis://127.0.0.1:${port}/0?password=${PASSWORD}`, PASSWORD, false],
  ])('%s: names host and port only, never the password', { timeout: 60_000 }, async (_name, url, secret, tls) => {
    const { logs, ready } = await startAndStop(url());
    expect(logs).toContain('"message":"starting"');
    expect(ready['redis']).toEqual({ host: '127.0.0.1', port: tls ? tlsPort : port, tls });
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.slice(4, 16));
  });
});
