import { localDates, localTime } from '../reports/zone-time.js';
import type { AvailabilityJson } from './availability-json.js';

const duration = (seconds: number) => `${(seconds / 60).toFixed(seconds % 60 === 0 ? 0 : 1)} min`;
const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'NOT met');

/** The availability report as a short text table for the terminal, times in the support zone (as the dashboard). */
export function availabilityToText(report: AvailabilityJson, zone: string): string {
  const measured = report.measured
    ? `measured ${localTime(report.measured.from, zone)} – ${localTime(report.measured.to, zone)} ${zone}`
    : 'not measured: no heartbeats recorded in this period';
  const rows: string[][] = [
    ['office hours', percent(report.officeHours.percent), `target ${report.officeHours.target} %`, verdict(report.officeHours.met)],
    [
      'outside office hours',
      percent(report.outsideOfficeHours.percent),
      report.outsideOfficeHours.target === null ? 'no target' : `target ${report.outsideOfficeHours.target} %`,
      verdict(report.outsideOfficeHours.met),
    ],
    [
      'interruptions',
      report.interruptions.count === null ? '-' : String(report.interruptions.count),
      `at most ${report.interruptions.max}`,
      verdict(report.interruptions.met),
    ],
    ['longest interruption', report.longestInterruptionSeconds === null ? '-' : duration(report.longestInterruptionSeconds), '', ''],
  ];
  const lines = [
    `Availability ${report.month ?? localDates(report.period.from, report.period.to, zone)} (${report.deployment}), ${measured}`,
    ...table(rows),
  ];
  if (report.outages.length > 0) {
    lines.push(
      '',
      ...table([
        ['from', 'to', 'duration', 'down'],
        ...report.outages.map((o) => [localTime(o.from, zone), localTime(o.to, zone), duration(o.seconds), o.down.join(', ')]),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function percent(value: number | null): string {
  return value === null ? '-' : `${value} %`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
