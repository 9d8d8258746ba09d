import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../../helpers/redis.js';
import { loadConfig } from '../../../src/config.js';
import { createUptimeStore } from '../../../src/availability/uptime-store.js';
import { createAvailability } from '../../../src/runtime/availability.js';
import { createResyncState } from '../../../src/resync/resync-state.js';
import { ADMIN, reportsApp, seedHeartbeats, seedReportStore } from '../../helpers/report-seed.js';

// Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). playwright-core downloads no browser.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../../artifacts/', import.meta.url);

const prefix = uniquePrefix('dashboard');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
const log = createLogCapture();
let server: Server;
let baseUrl: string;
let browser: Browser;
/** The Authorization scheme of each /dashboard request the server saw ('none' without the header). */
const dashboardAuth: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (bash .ci/run does)`);
  await seedReportStore(createReportStore(redis, prefix, 400, log.logger));
  await seedHeartbeats(createUptimeStore(redis, prefix, 400));
  const availability = createAvailability({ config: loadConfig({ QUEUE_PREFIX: prefix }), redis, logger: log.logger });
  // Two sweeps: the first found 3 changes no webhook brought (warning), the second 1 more.
  const resync = createResyncState(redis, prefix);
  await resync.recordSweep(Date.parse('2026-04-05T09:50:00Z'), 3, 'first warning');
  await resync.recordSweep(Date.parse('2026-04-05T09:55:00Z'), 1, '1 change(s) found by the sweep arrived without a webhook; check that Xurrent has not disabled the webhook');
  const app = reportsApp(redis, prefix, log.logger, availability.tile, () => resync.status());
  server = createServer((req, res) => {
    if (req.url?.startsWith('/dashboard')) dashboardAuth.push(req.headers.authorization?.split(' ')[0] ?? 'none');
    app(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await deleteKeys(prefix);
  redis.disconnect();
});

describe('dashboard in a browser', () => {
  it('logs in through chromium\'s own answer to the Basic challenge with a token also configured, shows the seeded figures, draws both charts under the CSP, and saves a screenshot', async () => {
    // `send: 'unauthorized'`: chromium sends nothing until the 401 challenge, then answers it itself, as for a user typing into the prompt.
    const context = await browser.newContext({ httpCredentials: { username: ADMIN.user, password: ADMIN.password, send: 'unauthorized' }, viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    page.on('pageerror', (error) => void problems.push(error.message));
    const response = await page.goto(`${baseUrl}/dashboard?from=2026-03-01&to=2026-03-31`);
    expect(response?.status()).toBe(200);
    // The first request carried no credentials and got both challenges; chromium took the Basic one.
    expect(dashboardAuth.slice(0, 2)).toEqual(['none', 'Basic']);
    await page.waitForSelector('body[data-charts="drawn"]', { timeout: 15_000 });

    const tile = (id: string) => page.locator(`[data-tile="${id}"] .value`).innerText();
    // Hand-computed in test/helpers/report-seed.ts.
    expect(await tile('incidents')).toBe('4');
    expect(await tile('response')).toBe('75 %');
    expect(await tile('resolution')).toBe('75 %');
    expect(await tile('breaches')).toBe('2');
    expect(await tile('top-goal')).toBe('not met');
    expect(await tile('rfi')).toBe('2');
    expect(await tile('rfc')).toBe('1');
    expect(await tile('problems')).toBe('2');
    expect(await tile('rca-overdue')).toBe('0');
    expect(await tile('availability')).toBe('99.75 % · 1 interruption');
    expect(await tile('paused-incomplete')).toBe('2 h');
    expect(await tile('paused-customer')).toBe('1 h 30 min');
    expect(await page.locator('tr[data-priority="high"] td.paused-incomplete').innerText()).toBe('2 h');
    // The sweep's status: last sweep 11:55 Amsterdam (CEST), 3 + 1 missed in all, the last warning.
    const webhooks = page.locator('[data-webhook-health="warning"]');
    expect(await webhooks.innerText()).toBe(
      'Webhooks: last sweep 2026-04-05 11:55; missed webhooks: 4 in all, 1 in the last sweep. Warning: 1 change(s) found by the sweep arrived without a webhook; check that Xurrent has not disabled the webhook',
    );
    expect(await page.locator('table.breaches tbody tr').count()).toBe(2);
    // Chart.js drew into both canvases (a drawn canvas has a size set by the library).
    for (const id of ['chart-priorities', 'chart-weeks']) expect(await page.locator(`#${id}`).evaluate((c) => (c as unknown as { width: number; height: number }).width > 0 && (c as unknown as { height: number }).height > 0)).toBe(true);
    expect(problems).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('dashboard.png', ARTIFACTS).pathname, fullPage: true });
    await context.close();
  }, 60_000);

  it('gets 401 without credentials', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Headless chromium cannot show the Basic prompt, so the navigation itself fails; the answer is what counts.
    const answer = page.waitForResponse((r) => r.url() === `${baseUrl}/dashboard`);
    await page.goto(`${baseUrl}/dashboard`).catch(() => undefined);
    const response = await answer;
    expect(response.status()).toBe(401);
    const challenges = (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'www-authenticate').map((h) => h.value);
    expect(challenges).toEqual(['Basic realm="xurrent-support-worker", charset="UTF-8"', 'Bearer realm="xurrent-support-worker"']);
    expect(await response.text()).not.toContain('data-tile');
    await context.close();
  }, 30_000);
});
