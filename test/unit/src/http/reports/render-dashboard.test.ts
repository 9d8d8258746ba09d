import { describe, expect, it } from 'vitest';
import type { SlaReportJson } from '../../../../../src/reports/report-json.js';
import { renderDashboard } from '../../../../../src/http/reports/render-dashboard.js';
import { renderWebhookHealth } from '../../../../../src/http/reports/webhook-health-line.js';

const report = {
  period: { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', asOf: '2026-04-05T10:00:00.000Z' },
  customer: null,
  goals: [],
  running: [],
  customers: [{ customer: { id: 'acme', name: '<b>Acme</b>' }, goals: [], breaches: 0, running: 0 }],
  knownCustomers: [{ id: 'acme', name: '<b>Acme</b>' }],
  xurrentDisagreements: [],
  integrationServiceAvailability: null,
  settings: { goals: [], rules: [], recordsWithoutRule: 0 },
  priorities: [],
  breaches: [
    {
      requestId: '<img src=x>',
      priority: 'top',
      target: 'response',
      serviceInstance: null,
      start: null,
      due: null,
      actual: null,
      lateByMinutes: 5,
      pausedBusinessMinutes: 0,
      reason: '</script><script>alert(1)</script>',
      escalations: [],
      customer: null,
      excused: { reason: '<i>customer VPN down</i>', by: 'p1', at: '2026-03-10T10:00:00.000Z' },
    },
  ],
  registered: { incident: 1, rfi: 0, rfc: 0, other: 0 },
  topIncidents: [],
  escalations: [{ requestId: 'R9', number: '<b>9', level: 'cto', reason: 'customer', at: '2026-03-10T09:00:00.000Z' }],
  rcas: [
    {
      reason: 'customer_request',
      requestId: 'R9',
      number: null,
      problemId: 'P1',
      problemNumber: '3',
      rcaDue: '2026-04-10T09:00:00.000Z',
      reportAdded: null,
      state: 'due',
      onTime: null,
    },
  ],
  problems: { opened: 0, byReason: { top_incident: 0, repeated_incidents: 0, customer_request: 0 }, rca: { due: 0, overdue: 0, done: 0 } },
  weeks: [],
  pausedBusinessMinutes: { incompleteRequest: 390, waitingForCustomer: 45, other: 0 },
} as unknown as SlaReportJson;

describe('renderDashboard', () => {
  const page = renderDashboard({
    report,
    query: { from: '2026-03-01', to: '2026-03-31' },
    zone: 'Europe/Amsterdam',
    availability: null,
    assetsPath: '/dashboard/assets',
  });

  it('escapes what the records say, in the tables and in the embedded JSON', () => {
    expect(page).not.toContain('<img src=x>');
    expect(page).not.toContain('<i>customer VPN down</i>');
    expect(page).toContain('&lt;i&gt;customer VPN down&lt;/i&gt; (2026-03-10 11:00)');
    expect(page).not.toContain('<b>Acme</b>');
    expect(page).toContain('<option value="acme">&lt;b&gt;Acme&lt;/b&gt;</option>');
    expect(page).toContain('&lt;img src=x&gt;');
    expect(page).not.toContain('</script><script>alert(1)');
    expect(page).toContain('\\u003c/script>\\u003cscript>alert(1)');
  });

  it('shows the escalations with their reason and the RCAs with due and report dates (issue 17)', () => {
    expect(page).toMatch(/<table class="escalations">.*&lt;b&gt;9.*CTO.*the customer/s);
    expect(page).toMatch(/<table class="rcas">.*customer request.*not yet/s);
  });

  it('says availability is not reported when no figures are passed, and shows them when they are', () => {
    expect(page).toMatch(/data-tile="availability">.*not reported yet/);
    const withFigures = renderDashboard({
      report,
      query: { from: '', to: '' },
      zone: 'UTC',
      availability: { officeHoursPercent: 99.5, outsideOfficeHoursPercent: 100, interruptions: 2 },
      assetsPath: '/a',
    });
    expect(withFigures).toMatch(/data-tile="availability">.*99\.50 % · 2 interruptions/);
  });

  it('shows paused time for incomplete requests apart from other waiting', () => {
    expect(page).toMatch(/data-tile="paused-incomplete">.*6 h 30 min</);
    expect(page).toMatch(/data-tile="paused-customer">.*45 min</);
    // No sweep status passed (not wired): no webhook line.
    expect(page).not.toContain('webhook-health');
  });
});

describe('requests in the breach and Top incident tables', () => {
  const nodeId = 'ZGVtby54dXJyZW50LnNpbS9SZXEvNzA';
  const numbered = {
    ...report,
    breaches: [{ ...report.breaches[0], requestId: nodeId, number: '70', reason: null }],
    topIncidents: [
      {
        requestId: nodeId,
        number: '70',
        created: '2026-03-02T09:00:00.000Z',
        problemId: null,
        problemNumber: null,
        rcaDue: null,
        rcaStatus: null,
      },
    ],
  } as unknown as SlaReportJson;
  const view = { report: numbered, query: { from: '', to: '' }, zone: 'UTC', availability: null, assetsPath: '/a' };

  it('show the request number linked to the request in Xurrent, never the node id', () => {
    const page = renderDashboard({ ...view, requestUrl: (n) => `https://acme.xurrent.com/requests/${n}` });
    const tables = page.slice(page.indexOf('<h2>Breaches</h2>'));
    expect(tables.match(/<a href="https:\/\/acme\.xurrent\.com\/requests\/70" rel="noreferrer">70<\/a>/g)).toHaveLength(2);
    expect(tables.split('<script')[0]).not.toContain(nodeId);
  });

  it('show the number without a link when the account is not known', () => {
    const page = renderDashboard(view);
    expect(page).toMatch(/<table class="breaches">.*<td>70<\/td>/s);
    expect(page).not.toContain('/requests/70');
  });
});

describe('renderWebhookHealth', () => {
  const status = { lastSweepAtMs: Date.parse('2026-01-12T09:05:00Z'), lastSweepMissed: 0, missedTotal: 2, warning: null };
  it('shows the last sweep in the support zone and the missed webhooks, with or without a warning', () => {
    expect(renderWebhookHealth(status, 'Europe/Amsterdam')).toBe(
      '<p class="webhook-health" data-webhook-health="ok">Webhooks: last sweep 2026-01-12 10:05; missed webhooks: 2 in all, 0 in the last sweep; no warning.</p>',
    );
    expect(renderWebhookHealth({ ...status, lastSweepMissed: 1, warning: '<b>disabled?</b>' }, 'UTC')).toContain(
      'data-webhook-health="warning">Webhooks: last sweep 2026-01-12 09:05; missed webhooks: 2 in all, 1 in the last sweep. Warning: &lt;b&gt;disabled?&lt;/b&gt;</p>',
    );
  });
  it('says when no sweep ran or the status could not be read, and shows nothing when not wired', () => {
    expect(renderWebhookHealth({ ...status, lastSweepAtMs: null }, 'UTC')).toContain(
      'data-webhook-health="unknown">Webhooks: no reconciliation sweep has run yet.',
    );
    expect(renderWebhookHealth(null, 'UTC')).toContain('data-webhook-health="unknown">Webhooks: sweep status could not be read.');
    expect(renderWebhookHealth(undefined, 'UTC')).toBe('');
  });
});
