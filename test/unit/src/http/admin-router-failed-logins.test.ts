import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/clock.js';
import { createAdminRouter } from '../../../../src/http/admin-router.js';
import { createMemoryLoginThrottle } from '../../../../src/http/login-throttle.js';
import { basic, TOKEN } from '../../../helpers/admin-credentials.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

describe('admin router: failed logins', () => {
  const PASSWORD = 'correct horse battery';
  const START = Date.parse('2026-04-01T09:00:00Z');

  function throttledApp() {
    const clock = createManualClock(START);
    const log = createLogCapture();
    const routes = express.Router();
    routes.get('/metrics', (_req, res) => void res.send('up 1\n'));
    const app = express();
    // As behind a proxy on loopback (TRUST_PROXY=loopback): the test names each client in X-Forwarded-For.
    app.set('trust proxy', ['loopback']);
    const throttle = createMemoryLoginThrottle({ maxFailures: 3, windowMs: 60_000 }, clock);
    app.use(
      createAdminRouter({
        credentials: { token: TOKEN, basic: { user: 'ops', password: PASSWORD } },
        throttle,
        logger: log.logger,
        routes: [routes],
      }),
    );
    const from = (address: string, authorization?: string) => {
      const req = request(app).get('/metrics').set('X-Forwarded-For', address);
      return authorization === undefined ? req : req.set('Authorization', authorization);
    };
    return { clock, log, from };
  }

  it('logs each failure without the credential, then answers 429 with Retry-After, to a right credential too, until the window has passed', async () => {
    const { clock, log, from } = throttledApp();
    const guesses = [basic('ops', 'guess-one-password'), 'Bearer guess-two-token-value', 'guess-three-raw-header'];
    for (const guess of guesses) expect((await from('203.0.113.7', guess)).status).toBe(401);

    const blocked = await from('203.0.113.7', basic('ops', PASSWORD));
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.text).not.toContain('up 1');
    clock.set(START + 30_000);
    expect((await from('203.0.113.7', `Bearer ${TOKEN}`)).headers['retry-after']).toBe('30');
    // Another address is not held back by this one.
    expect((await from('198.51.100.9', `Bearer ${TOKEN}`)).status).toBe(200);
    clock.set(START + 60_000);
    expect((await from('203.0.113.7', basic('ops', PASSWORD))).status).toBe(200);

    const failed = log.lines().filter((l) => l.message === 'admin login failed');
    expect(failed.map((l) => [l.level, l.address, l.method, l.path, l.scheme, l.failures])).toEqual([
      ['warn', '203.0.113.7', 'GET', '/metrics', 'basic', 1],
      ['warn', '203.0.113.7', 'GET', '/metrics', 'bearer', 2],
      ['warn', '203.0.113.7', 'GET', '/metrics', 'other', 3],
    ]);
    const block = log.lines().filter((l) => l.message === 'admin logins blocked for this address');
    expect(block.map((l) => [l.level, l.address, l.retryAfterSeconds])).toEqual([['warn', '203.0.113.7', 60]]);
    // Neither the tried nor the configured credentials, encoded or hashed, anywhere in the log.
    const text = log.text();
    const digests = (value: string) => [
      createHash('sha256').update(value).digest('hex'),
      createHash('sha256').update(value).digest('base64'),
    ];
    for (const secret of [
      'guess-one-password',
      'guess-two-token-value',
      'guess-three-raw-header',
      PASSWORD,
      TOKEN,
      ...guesses,
      basic('ops', PASSWORD).slice(6),
    ]) {
      expect(text).not.toContain(secret);
      for (const digest of digests(secret)) expect(text).not.toContain(digest);
    }
  });

  it('neither counts nor logs a request without credentials (a browser asking for the challenge)', async () => {
    const { log, from } = throttledApp();
    for (let i = 0; i < 5; i += 1) expect((await from('203.0.113.7')).status).toBe(401);
    expect((await from('203.0.113.7', basic('ops', PASSWORD))).status).toBe(200);
    expect(log.lines().filter((l) => l.message === 'admin login failed')).toEqual([]);
  });

  it('counts an IPv6 client by its /64, so fresh addresses from one network do not reset the count', async () => {
    const { from } = throttledApp();
    for (const suffix of ['1', '2', '3'])
      expect((await from(`2001:db8:5:6::${suffix}`, 'Bearer wrong-token-value-00000')).status).toBe(401);
    expect((await from('2001:db8:5:6::4', `Bearer ${TOKEN}`)).status).toBe(429);
    expect((await from('2001:db8:5:7::1', `Bearer ${TOKEN}`)).status).toBe(200);
  });
});
