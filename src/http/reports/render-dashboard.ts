import type { SlaReportJson } from '../../reports/report-json.js';
import type { ResyncStatus } from '../../resync/resync-state.js';
import { escapeHtml as h, jsonForScript, localTime, minutesText, percentText } from './html.js';
import { renderWebhookHealth } from './webhook-health-line.js';

/** The service's own availability for the dashboard's tile, when the operations side provides it. */
export interface AvailabilityTile {
  officeHoursPercent: number | null;
  outsideOfficeHoursPercent: number | null;
  interruptions: number;
}

export interface DashboardView {
  report: SlaReportJson;
  /** Shown as given in the period form (dates in the support zone); `customer` the selected account id ('' for all). */
  query: { from: string; to: string; customer?: string };
  zone: string;
  /** null: availability reporting is not wired in this build (the tile says so). */
  availability: AvailabilityTile | null;
  /** The reconciliation sweep's status for the webhook-health line; null when it could not be read, absent when not wired. */
  webhooks?: ResyncStatus | null;
  /** Where the page's own script, styles and the chart library are served from. */
  assetsPath: string;
  /** The request's page in Xurrent (`https://<account>.<domain>/requests/<number>`); absent: numbers without links. */
  requestUrl?: (number: string) => string;
}

/**
 * The SLA review as one HTML page: tiles, per priority table, charts (drawn by the page's script
 * from the embedded JSON), breaches, Top incidents. No inline script or style and nothing from
 * another origin, so a strict Content-Security-Policy (`default-src 'self'`) holds.
 */
export function renderDashboard(view: DashboardView): string {
  const { report } = view;
  const decided = (t: 'response' | 'resolution') => report.priorities.reduce((s, p) => s + p[t].decided, 0);
  const met = (t: 'response' | 'resolution') => report.priorities.reduce((s, p) => s + p[t].met, 0);
  const share = (t: 'response' | 'resolution') => (decided(t) === 0 ? null : Math.round((met(t) / decided(t)) * 10_000) / 100);
  const top = report.goals.find((g) => g.priorities.includes('top'));
  const tiles: [string, string, string][] = [
    ['incidents', 'Incidents registered', String(report.registered.incident)],
    ['response', 'Response within target', percentText(share('response'))],
    ['resolution', 'Resolution within target', percentText(share('resolution'))],
    ['breaches', 'Breaches', String(report.breaches.length)],
    [
      'top-goal',
      `Top goal (${top?.goalPercent ?? 100} %)`,
      top?.met === null || top === undefined ? 'no Top incidents' : top.met ? 'met' : 'not met',
    ],
    ['rfi', 'Requests for information', String(report.registered.rfi)],
    ['rfc', 'Requests for change', String(report.registered.rfc)],
    ['problems', 'Problems opened', String(report.problems.opened)],
    ['rca-overdue', 'RCA overdue', String(report.problems.rca.overdue)],
    ['paused-incomplete', 'Paused for incomplete requests', minutesText(report.pausedBusinessMinutes.incompleteRequest)],
    ['paused-customer', 'Other waiting for the customer', minutesText(report.pausedBusinessMinutes.waitingForCustomer)],
    availabilityTile(view.availability),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>SLA review ${h(customerLabel(report.customer))} ${h(view.query.from)} – ${h(view.query.to)}</title>
<link rel="stylesheet" href="${h(view.assetsPath)}/dashboard.css">
<script src="${h(view.assetsPath)}/chart.umd.min.js" defer></script>
<script src="${h(view.assetsPath)}/dashboard.js" defer></script>
</head><body>
<header><h1>SLA review${report.customer ? ` – ${h(customerLabel(report.customer))}` : ''}</h1>
<form method="get" action=""><label>From <input type="date" name="from" value="${h(view.query.from)}"></label>
<label>To <input type="date" name="to" value="${h(view.query.to)}"></label>
${customerSelect(report, view.query.customer ?? '')}<button type="submit">Show</button></form>
<p class="period">Period ${h(view.query.from)} to ${h(view.query.to)} (inclusive, ${h(view.zone)}); times in that zone; as of ${h(localTime(report.period.asOf, view.zone))}</p></header>
${renderWebhookHealth(view.webhooks, view.zone)}
<section class="tiles">${tiles.map(([id, label, value]) => `<div class="tile" data-tile="${h(id)}"><span class="label">${h(label)}</span><span class="value">${h(value)}</span></div>`).join('')}</section>
<section><h2>Goals (§3.2)</h2>${goalTable(report.goals, 'goals')}<p class="running" data-running="${report.running.length}">Running at the end of the period (not in the goals yet): ${report.running.length}</p></section>
${report.customer === null ? `<section><h2>Per customer</h2>${customerTable(report)}</section>` : ''}
<section><h2>Per priority and target</h2>${priorityTable(report)}</section>
<section class="charts"><figure><h2>Within target per priority</h2><canvas id="chart-priorities" aria-label="Within target per priority"></canvas></figure>
<figure><h2>Trend per week</h2><canvas id="chart-weeks" aria-label="Trend per week"></canvas></figure></section>
<section><h2>Breaches</h2>${breachTable(report, view.zone, requestCell(view))}</section>
<section><h2>IV Integratiedienst availability (§3.1, from its disruptions)</h2>${integrationTable(report)}</section>
<section><h2>Agreement with Xurrent's own SLA</h2>${disagreementTable(report, view.zone, requestCell(view))}</section>
<section><h2>Top incidents</h2>${topTable(report, view.zone, requestCell(view))}</section>
<section><h2>Escalations</h2>${escalationTable(report, view.zone, requestCell(view))}</section>
<section><h2>Root-cause analyses</h2>${rcaTable(report, view.zone, requestCell(view))}</section>
<section><h2>Settings applied</h2>${settingsTable(report)}</section>
<section><h2>Problems opened</h2><p>Top incident: ${report.problems.byReason.top_incident} · repeated incidents: ${report.problems.byReason.repeated_incidents} · customer request: ${report.problems.byReason.customer_request} · RCA due: ${report.problems.rca.due}, overdue: ${report.problems.rca.overdue}, done: ${report.problems.rca.done}</p></section>
<script type="application/json" id="report-data">${jsonForScript(report)}</script>
</body></html>`;
}

/** A customer as people know it: its name, else its account id; 'unknown' when none was recorded. */
export function customerLabel(customer: SlaReportJson['customer']): string {
  return customer === null ? 'unknown customer' : (customer.name ?? customer.id);
}

function customerSelect(report: SlaReportJson, selected: string): string {
  const options = report.knownCustomers.map(
    (c) => `<option value="${h(c.id)}"${c.id === selected ? ' selected' : ''}>${h(customerLabel(c))}</option>`,
  );
  return `<label>Customer <select name="customer" id="customer-select"><option value=""${selected === '' ? ' selected' : ''}>All customers</option>${options.join('')}</select></label>`;
}

/** §3.2's goals: requests within every target they started; excused misses out of `percent`, in `incl. excused`. */
export function goalTable(goals: SlaReportJson['goals'], className: string): string {
  const rows = goals.map(
    (g) =>
      `<tr data-goal="${h(g.name)}"><td>${h(g.priorities.join(', '))}</td><td>${g.requests}</td><td>${g.withinTarget}</td><td>${g.excused}</td><td class="percent">${percentText(g.percent)}</td><td>${percentText(g.percentIncludingExcused)}</td><td>${g.goalPercent} %</td><td class="met">${g.met === null ? '–' : g.met ? 'met' : 'not met'}</td></tr>`,
  );
  return `<table class="${h(className)}"><thead><tr><th>Priorities</th><th>Requests decided</th><th>Within target</th><th>Excused misses</th><th>Within target (excused left out)</th><th>Within target (excused counted as missed)</th><th>Goal</th><th>Goal met</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function customerTable(report: SlaReportJson): string {
  if (report.customers.length === 0) return '<p class="empty">No customer had requests decided or running in this period.</p>';
  const rows = report.customers.flatMap((c) =>
    c.goals.map(
      (g) =>
        `<tr data-customer="${h(c.customer?.id ?? '')}" data-goal="${h(g.name)}"><td>${h(customerLabel(c.customer))}</td><td>${h(g.priorities.join(', '))}</td><td>${g.requests}</td><td>${g.withinTarget}</td><td>${g.excused}</td><td class="percent">${percentText(g.percent)}</td><td>${percentText(g.percentIncludingExcused)}</td><td class="met">${g.met === null ? '–' : g.met ? 'met' : 'not met'}</td><td>${c.breaches}</td><td>${c.running}</td></tr>`,
    ),
  );
  return `<table class="customers"><thead><tr><th>Customer</th><th>Priorities</th><th>Requests decided</th><th>Within target</th><th>Excused misses</th><th>Within target (excused left out)</th><th>Incl. excused</th><th>Goal met</th><th>Breaches</th><th>Running</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function availabilityTile(availability: AvailabilityTile | null): [string, string, string] {
  if (!availability) return ['availability', "The worker's own availability (heartbeats)", 'not reported yet'];
  return [
    'availability',
    "The worker's own availability (heartbeats, office hours)",
    `${percentText(availability.officeHoursPercent)} · ${availability.interruptions} interruption${availability.interruptions === 1 ? '' : 's'}`,
  ];
}

export function priorityTable(report: SlaReportJson): string {
  const rows = report.priorities.map(
    (p) =>
      `<tr data-priority="${h(p.priority)}"><td>${h(p.priority)}</td><td>${p.requests}</td><td>${percentText(p.response.withinTargetPercent)}</td><td>${percentText(p.resolution.withinTargetPercent)}</td><td>${p.goalPercent} %</td><td>${p.goalMet === null ? '–' : p.goalMet ? 'met' : 'not met'}</td><td class="paused-incomplete">${minutesText(p.pausedBusinessMinutes.incompleteRequest)}</td><td>${minutesText(p.pausedBusinessMinutes.waitingForCustomer)}</td><td>${minutesText(p.pausedBusinessMinutes.other)}</td></tr>`,
  );
  const paused = '<th>Paused: incomplete request</th><th>Paused: waiting for customer</th><th>Paused: other</th>';
  return `<table><thead><tr><th>Priority</th><th>Requests</th><th>Response within target</th><th>Resolution within target</th><th>Goal</th><th>Goal met</th>${paused}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A request as people know it: its number, linked to Xurrent when the account is known; the id only when no number was kept. */
export function requestCell(view: DashboardView): (request: { requestId: string; number: string | null }) => string {
  return ({ requestId, number }) => {
    if (!number) return h(requestId);
    return view.requestUrl ? `<a href="${h(view.requestUrl(number))}" rel="noreferrer">${h(number)}</a>` : h(number);
  };
}

export function breachTable(report: SlaReportJson, zone: string, request: ReturnType<typeof requestCell>): string {
  if (report.breaches.length === 0) return '<p class="empty">No breaches in this period.</p>';
  const rows = report.breaches.map(
    (b) =>
      `<tr><td>${request(b)}</td><td>${h(b.priority)}</td><td>${h(b.target)}</td><td>${h(localTime(b.due, zone))}</td><td>${h(b.actual === null ? 'still open' : localTime(b.actual, zone))}</td><td>${b.lateByMinutes}</td><td>${b.pausedBusinessMinutes}</td><td>${h(b.reason ?? '')}</td><td>${h(b.escalations.join(', '))}</td><td class="excused">${b.excused ? `${h(b.excused.reason)} (${h(localTime(b.excused.at, zone))})` : ''}</td></tr>`,
  );
  return `<table class="breaches"><thead><tr><th>Request</th><th>Priority</th><th>Target</th><th>Due</th><th>Stopped</th><th>Late (min)</th><th>Paused (business min)</th><th>Reason</th><th>Escalations</th><th>Excused (§3.3)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Escalations to the SSM and CTO (§2.8): the customer's apart from the breach ladder's. */
function escalationTable(report: SlaReportJson, zone: string, request: ReturnType<typeof requestCell>): string {
  if (report.escalations.length === 0) return '<p class="empty">No escalations in this period.</p>';
  const rows = report.escalations.map(
    (e) =>
      `<tr><td>${request(e)}</td><td>${h(e.level === 'cto' ? 'CTO' : 'Service Support Manager')}</td><td>${h(e.reason === 'customer' ? 'the customer' : 'SLA breach')}</td><td>${h(localTime(e.at, zone))}</td></tr>`,
  );
  return `<table class="escalations"><thead><tr><th>Request</th><th>To</th><th>By</th><th>At</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Per Top incident and per customer request: the RCA's due date, the report date, on time (issue 17 point 5). */
function rcaTable(report: SlaReportJson, zone: string, request: ReturnType<typeof requestCell>): string {
  if (report.rcas.length === 0) return '<p class="empty">No root-cause analyses due in this period.</p>';
  const rows = report.rcas.map(
    (r) =>
      `<tr><td>${request(r)}</td><td>${h(r.reason === 'top_incident' ? 'Top incident' : 'customer request')}</td><td>${h(r.problemNumber ?? r.problemId)}</td><td>${h(localTime(r.rcaDue, zone))}</td><td>${h(r.reportAdded === null ? 'not yet' : localTime(r.reportAdded, zone))}</td><td>${h(r.onTime === null ? '–' : r.onTime ? 'yes' : 'no')}</td></tr>`,
  );
  return `<table class="rcas"><thead><tr><th>Request</th><th>Why</th><th>Problem</th><th>RCA due</th><th>Report added</th><th>On time</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The settings the figures rest on: goals used, and each rule the counted records were decided under (kept from registration). */
export function settingsTable(report: SlaReportJson): string {
  const goals = report.settings.goals.map((g) => `${g.priorities.join(' + ')}: ${g.goalPercent} %`).join('; ');
  const rows = report.settings.rules.map(
    (r) =>
      `<tr><td>${h(r.priority)}</td><td>${h(r.target)}</td><td>${h(minutesText(r.allowedBusinessMinutes))}</td><td>${h(r.resolutionClockStart)}</td><td>${h(r.responseBy)}</td><td>${r.records}</td></tr>`,
  );
  const legacy =
    report.settings.recordsWithoutRule > 0
      ? `<p>${report.settings.recordsWithoutRule} targets were decided before rules were kept (read under the reading of their time).</p>`
      : '';
  return `<p class="settings-goals">Goals: ${h(goals)}</p>${rows.length === 0 ? '' : `<table class="settings"><thead><tr><th>Priority</th><th>Target</th><th>Allowed (business time)</th><th>Resolution starts at</th><th>Response by</th><th>Targets decided</th></tr></thead><tbody>${rows.join('')}</tbody></table>`}${legacy}`;
}

/** §3.1 per month and customer: from Top incidents on the integration service, not from the worker's heartbeats. */
export function integrationTable(report: SlaReportJson): string {
  const months = report.integrationServiceAvailability;
  if (months === null) return '<p class="empty">Not reported by this build.</p>';
  const verdict = (met: boolean | null) => (met === null ? '–' : met ? 'met' : 'not met');
  const rows = months.map(
    (m) =>
      `<tr data-availability="${h(m.month)}:${h(m.customer?.id ?? '')}"><td>${h(m.month)}</td><td>${h(customerLabel(m.customer))}</td><td>${h(m.deployment === 'cloud' ? 'cloud' : 'on premise')}</td><td class="office">${percentText(m.officeHours.percent)} (target ${m.officeHours.targetPercent} %, ${verdict(m.officeHours.met)})</td><td class="outside">${percentText(m.outsideOfficeHours.percent)} (${m.outsideOfficeHours.targetPercent === null ? 'no target' : `target ${m.outsideOfficeHours.targetPercent} %, ${verdict(m.outsideOfficeHours.met)}`})</td><td class="interruptions">${m.interruptions.count} of at most ${m.interruptions.max} (${verdict(m.interruptions.met)})</td><td>${m.disruptions.length}</td></tr>`,
  );
  return `<table class="integration-availability"><thead><tr><th>Month</th><th>Customer</th><th>Deployment</th><th>Office hours</th><th>Outside office hours</th><th>Interruptions</th><th>Disruptions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function disagreementTable(report: SlaReportJson, zone: string, request: ReturnType<typeof requestCell>): string {
  if (report.xurrentDisagreements.length === 0)
    return '<p class="empty">Every target agrees with Xurrent\'s own affected SLA within a minute (or Xurrent has none).</p>';
  const rows = report.xurrentDisagreements.map(
    (d) =>
      `<tr><td>${request(d)}</td><td>${h(d.target)}</td><td>${h(localTime(d.workerDue, zone))}</td><td>${h(localTime(d.xurrentDue, zone))}</td><td>${d.differenceMinutes}</td></tr>`,
  );
  return `<table class="xurrent-disagreements"><thead><tr><th>Request</th><th>Target</th><th>Worker's due</th><th>Xurrent's target</th><th>Difference (min)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function topTable(report: SlaReportJson, zone: string, request: ReturnType<typeof requestCell>): string {
  if (report.topIncidents.length === 0) return '<p class="empty">No Top incidents in this period.</p>';
  const rows = report.topIncidents.map(
    (t) =>
      `<tr><td>${request(t)}</td><td>${h(localTime(t.created, zone))}</td><td>${h(t.problemNumber ?? t.problemId ?? 'none')}</td><td>${h(localTime(t.rcaDue, zone))}</td><td>${h(t.rcaStatus ?? '–')}</td></tr>`,
  );
  return `<table><thead><tr><th>Request</th><th>Registered</th><th>Problem</th><th>RCA due</th><th>RCA status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
