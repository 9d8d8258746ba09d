import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AdminCredentials } from '../../../../schema/env/operations.js';
import { systemClock } from '../../../../src/clock.js';
import { createAdminRouter } from '../../../../src/http/admin-router.js';
import { createMemoryLoginThrottle } from '../../../../src/http/login-throttle.js';
import { basic, TOKEN } from '../../../helpers/admin-credentials.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

/** These tests try many wrong credentials from one address: a limit they never reach (the throttle has its own tests). */
const looseThrottle = () => createMemoryLoginThrottle({ maxFailures: 1_000, windowMs: 60_000 }, systemClock);
/** Each WWW-Authenticate header as sent (Node's parsed `headers` would join repeated ones with a comma). */
const challengesOf = (res: request.Response) => (res as unknown as { res: IncomingMessage }).res.headersDistinct['www-authenticate'] ?? [];

/** An app shaped like the real one: an open route first, then the admin router with a few routes. */
function appWith(credentials: AdminCredentials): { app: Express; log: ReturnType<typeof createLogCapture> } {
  const log = createLogCapture();
  const routes = express.Router();
  routes.get('/metrics', (_req, res) => void res.type('text/plain').send('up 1\n'));
  routes.get('/admin/queues', (_req, res) => void res.send('<html>queues</html>'));
  routes.get('/reports/availability', (_req, res) => void res.json({ ok: true }));
  // Outside ADMIN_PATHS: must stay unreachable rather than open.
  routes.get('/sneaky', (_req, res) => void res.send('open'));
  const app = express();
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.use(createAdminRouter({ credentials, throttle: looseThrottle(), logger: log.logger, routes: [routes] }));
  return { app, log };
}

describe('admin router', () => {
  describe('without credentials', () => {
    const { app, log } = appWith({ token: undefined, basic: undefined });

    it.each(['/metrics', '/admin/queues', '/reports/availability', '/dashboard'])(
      'disables %s with a 404 naming the variables',
      async (path) => {
        const res = await request(app).get(path).set('Authorization', `Bearer ${TOKEN}`);
        expect(res.status).toBe(404);
        expect((res.body as { error: string }).error).toMatch(/ADMIN_TOKEN/);
      },
    );

    it('leaves the health endpoint alone and says at start that admin is off', async () => {
      const res = await request(app).get('/healthz');
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(log.lines().some((l) => l.level === 'warn' && String(l.message).includes('admin endpoints disabled'))).toBe(true);
    });
  });

  describe('with a bearer token', () => {
    const { app } = appWith({ token: TOKEN, basic: undefined });

    it('serves the route with the right token, with helmet headers and no-store', async () => {
      const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe('up 1\n');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it.each([
      ['no header', undefined],
      ['a wrong token', 'Bearer a-long-admin-token-0123456780'],
      ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
      ['basic auth, which is not configured', basic('admin', TOKEN)],
      ['a scheme without value', 'Bearer'],
    ])('answers 401 with a challenge for %s', async (_name, header) => {
      const req = request(app).get('/admin/queues');
      const res = await (header === undefined ? req : req.set('Authorization', header));
      expect(res.status).toBe(401);
      expect(challengesOf(res)).toEqual(['Bearer realm="xurrent-support-worker"']);
      expect(res.text).not.toContain('queues');
    });

    it('protects admin paths whatever their case', async () => {
      expect((await request(app).get('/METRICS')).status).toBe(401);
    });

    it('never serves a route registered outside the admin paths', async () => {
      const res = await request(app).get('/sneaky').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toBe('open');
    });
  });

  describe('with basic auth', () => {
    const { app } = appWith({ token: TOKEN, basic: { user: 'ops', password: 'correct horse battery' } });

    it('accepts the user and password, and still the token', async () => {
      expect((await request(app).get('/reports/availability').set('Authorization', basic('ops', 'correct horse battery'))).status).toBe(
        200,
      );
      expect((await request(app).get('/reports/availability').set('Authorization', `bearer ${TOKEN}`)).status).toBe(200);
    });

    it.each([
      ['wrong password', basic('ops', 'correct horse battery!')],
      ['wrong user', basic('Ops', 'correct horse battery')],
      ['no colon', `Basic ${Buffer.from('opscorrect horse battery').toString('base64')}`],
    ])('refuses a %s and prompts the browser', async (_name, header) => {
      const res = await request(app).get('/reports/availability').set('Authorization', header);
      expect(res.status).toBe(401);
      expect(challengesOf(res)).toContain('Basic realm="xurrent-support-worker", charset="UTF-8"');
    });

    it('sends one WWW-Authenticate header per scheme, Basic first, so a browser finds its Basic challenge', async () => {
      const res = await request(app).get('/dashboard');
      expect(res.status).toBe(401);
      expect(challengesOf(res)).toEqual(['Basic realm="xurrent-support-worker", charset="UTF-8"', 'Bearer realm="xurrent-support-worker"']);
    });

    it('sends only the Basic challenge when no token is configured', async () => {
      const { app: basicOnly } = appWith({ token: undefined, basic: { user: 'ops', password: 'correct horse battery' } });
      expect(challengesOf(await request(basicOnly).get('/dashboard'))).toEqual(['Basic realm="xurrent-support-worker", charset="UTF-8"']);
    });
  });
});

describe('admin router: changes started by another site', () => {
  const routes = express.Router();
  routes.post('/admin/queues/api/retry', (_req, res) => void res.json({ retried: true }));
  const app = express();
  app.use(
    createAdminRouter({
      credentials: { token: TOKEN, basic: undefined },
      throttle: looseThrottle(),
      logger: createLogCapture().logger,
      routes: [routes],
    }),
  );
  const post = () => request(app).post('/admin/queues/api/retry').set('Authorization', `Bearer ${TOKEN}`);

  it.each([
    ['fetch metadata cross-site', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['fetch metadata same-site (another subdomain)', { 'Sec-Fetch-Site': 'same-site' }, 403],
    ['an Origin of another host', { Origin: 'https://evil.example' }, 403],
    ['fetch metadata same-origin', { 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' }, 200],
    ['no browser headers (curl, the CLI)', {}, 200],
  ] as const)('%s: %i', async (_name, headers, status) => {
    expect((await post().set(headers)).status).toBe(status);
  });

  it('lets reads through whatever their origin', async () => {
    const app2 = express();
    const reads = express.Router();
    reads.get('/metrics', (_req, res) => void res.send('ok'));
    app2.use(
      createAdminRouter({
        credentials: { token: TOKEN, basic: undefined },
        throttle: looseThrottle(),
        logger: createLogCapture().logger,
        routes: [reads],
      }),
    );
    expect((await request(app2).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).set('Sec-Fetch-Site', 'cross-site')).status).toBe(
      200,
    );
  });
});
