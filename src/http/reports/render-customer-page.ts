import type { SlaReportJson } from '../../reports/report-json.js';
import { breachTable, customerLabel, goalTable, integrationTable, priorityTable, settingsTable, topTable } from './render-dashboard.js';
import { escapeHtml as h, localTime, minutesText } from './html.js';

/**
 * The review of one customer as one self-contained HTML page to hand to that customer (§2.6):
 * styles inline, no script, no external asset, no link to the admin side or to Xurrent (request
 * numbers as text), no person ids (an excuse shows its reason and when, not who). Figures as the
 * dashboard shows them: the goals, per priority and target, breaches with their excuses, Top
 * incidents and the IV Integratiedienst's availability from its disruptions (§3.1).
 */
export function renderCustomerPage(
  report: SlaReportJson,
  view: { zone: string; period: { from: string; to: string }; css: string },
): string {
  const { zone } = view;
  const number = ({ requestId, number }: { requestId: string; number: string | null }) => h(number ?? requestId);
  // The customer's own figures only: no per-customer table, no selector, no Xurrent comparison (the provider's configuration).
  const name = customerLabel(report.customer);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SLA review ${h(name)} ${h(view.period.from)} – ${h(view.period.to)}</title>
<style>${view.css.replace(/<\//g, '<\\/')}</style>
</head><body data-page="customer-review">
<header><h1>SLA review – ${h(name)}</h1>
<p class="period">Period ${h(view.period.from)} to ${h(view.period.to)} (inclusive, ${h(zone)}); times in that zone; as of ${h(localTime(report.period.asOf, zone))}</p></header>
<section class="tiles">
<div class="tile" data-tile="incidents"><span class="label">Incidents registered</span><span class="value">${report.registered.incident}</span></div>
<div class="tile" data-tile="breaches"><span class="label">Breaches</span><span class="value">${report.breaches.length}</span></div>
<div class="tile" data-tile="rfi"><span class="label">Requests for information</span><span class="value">${report.registered.rfi}</span></div>
<div class="tile" data-tile="rfc"><span class="label">Requests for change</span><span class="value">${report.registered.rfc}</span></div>
<div class="tile" data-tile="paused-incomplete"><span class="label">Paused for incomplete requests</span><span class="value">${h(minutesText(report.pausedBusinessMinutes.incompleteRequest))}</span></div>
</section>
<section><h2>Goals (§3.2)</h2>${goalTable(report.goals, 'goals')}<p class="running" data-running="${report.running.length}">Running at the end of the period (not in the goals yet): ${report.running.length}</p></section>
<section><h2>Per priority and target</h2>${priorityTable(report)}</section>
<section><h2>Breaches</h2>${breachTable(report, zone, number)}</section>
<section><h2>Top incidents</h2>${topTable(report, zone, number)}</section>
<section><h2>IV Integratiedienst availability (§3.1, from its disruptions)</h2>${integrationTable(report)}</section>
<section><h2>Settings applied</h2>${settingsTable(report)}</section>
</body></html>
`;
}
