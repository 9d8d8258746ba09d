import type { SlaReportJson } from './report-json.js';
import { localDates, localTime } from './zone-time.js';

const pct = (value: number | null) => (value === null ? '-' : `${value}%`);
const goal = (met: boolean | null) => (met === null ? '-' : met ? 'met' : 'not met');
/** The paused business minutes as cells, in the column order both the table and the CSV use. */
export const pausedCells = (p: SlaReportJson['pausedBusinessMinutes']) => [
  String(p.incompleteRequest),
  String(p.waitingForCustomer),
  String(p.other),
];

/** Pads columns to their widest cell. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const goalRows = (goals: SlaReportJson['goals']) =>
  goals.map((g) => [
    g.name,
    String(g.requests),
    String(g.withinTarget),
    String(g.excused),
    pct(g.percent),
    pct(g.percentIncludingExcused),
    `${g.goalPercent}%`,
    goal(g.met),
  ]);
const GOAL_HEADER = ['goal', 'requests', 'within target', 'excused', 'percent', 'incl. excused', 'goal', 'met'];
const customerName = (c: SlaReportJson['customer']) => (c === null ? 'unknown' : (c.name ?? c.id));

/**
 * The report as plain text for a terminal: summary lines, the goals, per customer, the per-priority
 * table, breaches, weeks. Dates and times in the support zone, as the dashboard shows them (CSV and
 * JSON keep ISO instants).
 */
export function reportToTable(report: SlaReportJson, zone: string): string {
  const lines = [
    `SLA report ${localDates(report.period.from, report.period.to, zone)} (inclusive; times in ${zone}), as of ${localTime(report.period.asOf, zone)}${report.customer ? ` for ${customerName(report.customer)}` : ''}`,
    `Registered: ${report.registered.incident} incidents, ${report.registered.rfi} requests for information, ${report.registered.rfc} requests for change, ${report.registered.other} other`,
    `Problems opened: ${report.problems.opened} (Top incident ${report.problems.byReason.top_incident}, repeated incidents ${report.problems.byReason.repeated_incidents}); RCA due ${report.problems.rca.due}, overdue ${report.problems.rca.overdue}, done ${report.problems.rca.done}`,
    '',
    'Goals (§3.2: a request is within target when every target it started was met)',
    columns([GOAL_HEADER, ...goalRows(report.goals)]),
    `Running at the end of the period: ${report.running.length}`,
    '',
    columns([
      [
        'priority',
        'requests',
        'response',
        'resolution',
        'goal',
        'goal met',
        'paused incomplete (min)',
        'paused customer (min)',
        'paused other (min)',
      ],
      ...report.priorities.map((p) => [
        p.priority,
        String(p.requests),
        pct(p.response.withinTargetPercent),
        pct(p.resolution.withinTargetPercent),
        `${p.goalPercent}%`,
        goal(p.goalMet),
        ...pausedCells(p.pausedBusinessMinutes),
      ]),
    ]),
    `Paused (business minutes, resolution): incomplete request ${report.pausedBusinessMinutes.incompleteRequest}, waiting for customer ${report.pausedBusinessMinutes.waitingForCustomer}, other ${report.pausedBusinessMinutes.other}`,
    '',
    `Breaches: ${report.breaches.length}`,
  ];
  if (report.breaches.length > 0) {
    lines.push(
      columns([
        ['request', 'priority', 'target', 'due', 'late (min)', 'reason', 'excused'],
        ...report.breaches.map((b) => [
          b.number ?? b.requestId,
          b.priority,
          b.target,
          localTime(b.due, zone),
          String(b.lateByMinutes),
          b.reason ?? '',
          b.excused ? `${b.excused.reason} (${localTime(b.excused.at, zone)})` : '',
        ]),
      ]),
    );
  }
  lines.push(
    '',
    `Settings applied: goals ${report.settings.goals.map((g) => `${g.priorities.join('+')}=${g.goalPercent}%`).join('; ')}; records decided under ${report.settings.rules.map((r) => `${r.priority} ${r.target} ${r.allowedBusinessMinutes} min (${r.resolutionClockStart}, response by ${r.responseBy}) ×${r.records}`).join(', ') || 'no kept rule'}${report.settings.recordsWithoutRule > 0 ? `; ${report.settings.recordsWithoutRule} records from before rules were kept` : ''}`,
  );
  lines.push('', `Targets differing from Xurrent's own SLA by more than a minute: ${report.xurrentDisagreements.length}`);
  if (report.xurrentDisagreements.length > 0) {
    lines.push(
      columns([
        ['request', 'target', 'worker due', 'Xurrent target', 'difference (min)'],
        ...report.xurrentDisagreements.map((d) => [
          d.number ?? d.requestId,
          d.target,
          localTime(d.workerDue, zone),
          localTime(d.xurrentDue, zone),
          String(d.differenceMinutes),
        ]),
      ]),
    );
  }
  if (report.customer === null && report.customers.length > 0) {
    lines.push('', 'Per customer');
    lines.push(
      columns([
        ['customer', ...GOAL_HEADER, 'breaches', 'running'],
        ...report.customers.flatMap((c) =>
          goalRows(c.goals).map((row) => [customerName(c.customer), ...row, String(c.breaches), String(c.running)]),
        ),
      ]),
    );
  }
  lines.push(
    '',
    columns([
      ['week', 'incidents', 'response', 'resolution', 'breaches'],
      ...report.weeks.map((w) => [
        w.label ?? '',
        String(w.incidents),
        pct(w.responseWithinPercent),
        pct(w.resolutionWithinPercent),
        String(w.breaches),
      ]),
    ]),
  );
  return `${lines.join('\n')}\n`;
}
