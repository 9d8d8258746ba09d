import type { SlaReportJson } from './report-json.js';
import { pausedCells } from './report-text.js';

export const CSV_TABLES = ['goals', 'customers', 'priorities', 'breaches', 'weeks', 'xurrent'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** One table of the report as RFC 4180 CSV with a header row. */
export function reportToCsv(report: SlaReportJson, table: CsvTable): string {
  const goalHeader = [
    'goal',
    'priorities',
    'goal_percent',
    'requests',
    'within_target',
    'excused',
    'percent',
    'percent_including_excused',
    'met',
  ];
  const goalCells = (g: SlaReportJson['goals'][number]) => [
    g.name,
    g.priorities.join(' '),
    g.goalPercent,
    g.requests,
    g.withinTarget,
    g.excused,
    g.percent,
    g.percentIncludingExcused,
    g.met,
  ];
  const rows: (string | number | boolean | null)[][] =
    table === 'goals'
      ? [goalHeader, ...report.goals.map(goalCells)]
      : table === 'xurrent'
        ? [
            ['request_id', 'request_number', 'target', 'worker_due', 'xurrent_due', 'difference_minutes'],
            ...report.xurrentDisagreements.map((d) => [d.requestId, d.number, d.target, d.workerDue, d.xurrentDue, d.differenceMinutes]),
          ]
        : table === 'customers'
          ? [
              ['customer_id', 'customer_name', ...goalHeader, 'breaches', 'running'],
              ...report.customers.flatMap((c) =>
                c.goals.map((g) => [c.customer?.id ?? null, c.customer?.name ?? null, ...goalCells(g), c.breaches, c.running]),
              ),
            ]
          : table === 'priorities'
            ? [
                [
                  'priority',
                  'requests',
                  'response_decided',
                  'response_met',
                  'response_within_percent',
                  'resolution_decided',
                  'resolution_met',
                  'resolution_within_percent',
                  'goal_percent',
                  'goal_met',
                  'paused_incomplete_request_minutes',
                  'paused_waiting_for_customer_minutes',
                  'paused_other_minutes',
                ],
                ...report.priorities.map((p) => [
                  p.priority,
                  p.requests,
                  p.response.decided,
                  p.response.met,
                  p.response.withinTargetPercent,
                  p.resolution.decided,
                  p.resolution.met,
                  p.resolution.withinTargetPercent,
                  p.goalPercent,
                  p.goalMet,
                  ...pausedCells(p.pausedBusinessMinutes),
                ]),
              ]
            : table === 'breaches'
              ? [
                  [
                    'request_id',
                    'request_number',
                    'priority',
                    'target',
                    'service_instance',
                    'start',
                    'due',
                    'actual',
                    'late_minutes',
                    'paused_business_minutes',
                    'reason',
                    'escalations',
                    'customer_id',
                    'excused_reason',
                    'excused_by',
                    'excused_at',
                  ],
                  ...report.breaches.map((b) => [
                    b.requestId,
                    b.number,
                    b.priority,
                    b.target,
                    b.serviceInstance,
                    b.start,
                    b.due,
                    b.actual,
                    b.lateByMinutes,
                    b.pausedBusinessMinutes,
                    b.reason,
                    b.escalations.join(' '),
                    b.customer?.id ?? null,
                    b.excused?.reason ?? null,
                    b.excused?.by ?? null,
                    b.excused?.at ?? null,
                  ]),
                ]
              : [
                  ['week', 'from', 'to', 'incidents', 'response_within_percent', 'resolution_within_percent', 'breaches'],
                  ...report.weeks.map((w) => [
                    w.label,
                    w.from,
                    w.to,
                    w.incidents,
                    w.responseWithinPercent,
                    w.resolutionWithinPercent,
                    w.breaches,
                  ]),
                ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
