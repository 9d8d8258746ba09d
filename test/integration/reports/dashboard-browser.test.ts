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
import { runCliCapture } from '../../helpers/run-cli.js';
import { TEST_REDIS_URL as REDIS_URL } from '../../helpers/redis.js';
import { writeFileSync } from 'node:fs';

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
  await seedReportStore(createReportStore(redis, prefix, 400, log.logger), { customers: true });
  await seedHeartbeats(createUptimeStore(redis, prefix, 400));
  const availability = createAvailability({ config: loadConfig({ QUEUE_PREFIX: prefix }), redis, logger: log.logger });
  // Two sweeps: the first found 3 changes no webhook brought (warning), the second 1 more.
  const resync = createResyncState(redis, prefix);
  await resync.recordSweep(Date.parse('2026-04-05T09:50:00Z'), 3, 'first warning');
  await resync.recordSweep(
    Date.parse('2026-04-05T09:55:00Z'),
    1,
    '1 change(s) found by the sweep arrived without a webhook; check that Xurrent has not disabled the webhook',
  );
  const app = reportsApp(redis, prefix, log.logger, availability.tile, () => resync.status());
  server = createServer((req, res) => {
    if (req.url?.startsWith('/dashboard')) dashboardAuth.push(req.headers.authorization?.split(' ')[0] ?? 'none');
    app(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await deleteKeys(prefix);
  redis.disconnect();
});

describe('dashboard in a browser', () => {
  it("logs in through chromium's own answer to the Basic challenge with a token also configured, shows the seeded figures, draws both charts under the CSP, and saves a screenshot", async () => {
    // `send: 'unauthorized'`: chromium sends nothing until the 401 challenge, then answers it itself, as for a user typing into the prompt.
    const context = await browser.newContext({
      httpCredentials: { username: ADMIN.user, password: ADMIN.password, send: 'unauthorized' },
      viewport: { width: 1280, height: 1400 },
    });
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
    // §3.2's goals, pooled: Top 1 of 2 (t2 late) = 50 %, not met; low/medium/high 1 of 2 (m1 late) = 50 %, not met.
    const goal = (name: string, cell: string) => page.locator(`table.goals tr[data-goal="${name}"] td.${cell}`).innerText();
    expect([await goal('top', 'percent'), await goal('top', 'met')]).toEqual(['50 %', 'not met']);
    expect([await goal('low_medium_high', 'percent'), await goal('low_medium_high', 'met')]).toEqual(['50 %', 'not met']);
    // The per-customer table and the customer selector: all customers, Acme, Globex.
    expect(await page.locator('table.customers tr[data-customer="acme"][data-goal="low_medium_high"] td.met').innerText()).toBe('met');
    expect(await page.locator('table.customers tr[data-customer="globex"][data-goal="top"] td.met').innerText()).toBe('not met');
    expect(await page.locator('#customer-select option').allInnerTexts()).toEqual(['All customers', 'Acme', 'Globex']);
    // Chart.js drew into both canvases (a drawn canvas has a size set by the library).
    for (const id of ['chart-priorities', 'chart-weeks'])
      expect(
        await page
          .locator(`#${id}`)
          .evaluate(
            (c) => (c as unknown as { width: number; height: number }).width > 0 && (c as unknown as { height: number }).height > 0,
          ),
      ).toBe(true);
    expect(problems).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('dashboard.png', ARTIFACTS).pathname, fullPage: true });

    // Choosing Acme in the selector shows Acme's own review: both goals met, no breach, no per-customer table.
    await page.selectOption('#customer-select', 'acme');
    await Promise.all([page.waitForURL(/customer=acme/), page.click('form button[type="submit"]')]);
    await page.waitForSelector('body[data-charts="drawn"]', { timeout: 15_000 });
    expect(await page.locator('h1').innerText()).toBe('SLA review – Acme');
    expect([await goal('top', 'met'), await goal('low_medium_high', 'met')]).toEqual(['met', 'met']);
    expect(await tile('breaches')).toBe('0');
    expect(await page.locator('table.customers').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('writes each customer its own self-contained page (report sla --customer X --format html): no request leaves the file, no admin link', async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: prefix, SUPPORT_TIMEZONE: 'Europe/Amsterdam' };
    mkdirSync(ARTIFACTS, { recursive: true });
    const pages: Record<string, { breaches: number; goals: string[] }> = {
      Acme: { breaches: 0, goals: ['met', 'met'] },
      globex: { breaches: 2, goals: ['not met', 'not met'] },
    };
    for (const [customer, expected] of Object.entries(pages)) {
      const { code, out } = await runCliCapture(
        ['report', 'sla', '--from', '2026-03-01', '--to', '2026-03-31', '--customer', customer, '--format', 'html'],
        env,
      );
      expect(code).toBe(0);
      expect(out).not.toMatch(/<script|<link|href=|src=/i);
      const file = new URL(`customer-${customer.toLowerCase()}.html`, ARTIFACTS);
      writeFileSync(file, out);
      const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => void (request.url() !== file.href && fetched.push(request.url())));
      await page.goto(file.href);
      expect(await page.locator('h1').innerText()).toBe(`SLA review – ${customer === 'Acme' ? 'Acme' : 'Globex'}`);
      expect(await page.locator('[data-tile="breaches"] .value').innerText()).toBe(String(expected.breaches));
      expect(await page.locator('table.goals td.met').allInnerTexts()).toEqual(expected.goals);
      expect(await page.locator('a').count()).toBe(0);
      expect(await page.locator('form, select').count()).toBe(0);
      // Styled from the inline styles alone.
      expect(
        await page
          .locator('table.goals')
          .evaluate(
            (t) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { borderCollapse: string } }).getComputedStyle(t).borderCollapse,
          ),
      ).toBe('collapse');
      expect(fetched).toEqual([]);
      await page.screenshot({ path: new URL(`customer-${customer.toLowerCase()}.png`, ARTIFACTS).pathname, fullPage: true });
      await context.close();
    }
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
