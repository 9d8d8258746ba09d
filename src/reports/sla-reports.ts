import { DateTime } from 'luxon';
import { buildSlaReport, type SlaReport } from '../domain/reports/build-sla-report.js';
import { parsePeriodBound, previousMonthIn, type ReportPeriod } from '../domain/reports/report-period.js';
import type { SlaGoals } from '../domain/sla/sla-policy.js';
import { customersOf, findCustomer } from '../domain/reports/report-customers.js';
import { settingsFor, type CustomerSettings } from '../domain/reports/customer-settings.js';
import type { ReportCustomer } from '../domain/reports/sla-record.js';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import type { Deployment } from '../domain/reports/availability-targets.js';
import type { Clock } from '../clock.js';
import type { ReportData } from './report-store.js';

export interface SlaReports {
  /**
   * The report of [from, to) as of now; the previous calendar month when both are absent. With a
   * customer (account id or name), cut to that customer; an unknown one throws `UnknownCustomerError`.
   */
  report(period: { fromMs: number; toMs: number } | null, customer?: string): Promise<SlaReport>;
}

/** A customer asked for that no kept request has. */
export class UnknownCustomerError extends Error {
  constructor(
    readonly asked: string,
    readonly known: readonly ReportCustomer[],
  ) {
    super(
      `no customer "${asked}" in the records; known: ${known.map((c) => (c.name ? `${c.id} (${c.name})` : c.id)).join(', ') || 'none'}`,
    );
    this.name = 'UnknownCustomerError';
  }
}

export interface SlaReportsDeps {
  source: { readUntil(toMs: number): Promise<ReportData> };
  goals: SlaGoals;
  zone: string;
  clock: Clock;
  /** For the IV Integratiedienst's availability (§3.1): office hours and each customer's deployment; absent: not reported. */
  availability?: { officeHours: BusinessCalendar; deploymentOf: (customer: ReportCustomer | null) => Deployment };
}

export function createSlaReports({ source, goals, zone, clock, availability }: SlaReportsDeps): SlaReports {
  return {
    async report(requested, customerText) {
      const nowMs = clock.now();
      const period: ReportPeriod = requested ? { ...requested, asOfMs: nowMs } : previousMonthIn(zone, nowMs);
      const data = await source.readUntil(period.toMs);
      if (customerText === undefined) return buildSlaReport(data, period, goals, zone, null, availability);
      const known = customersOf(data.requests);
      const customer = findCustomer(known, customerText);
      if (customer === null) throw new UnknownCustomerError(customerText, known);
      return buildSlaReport(data, period, goals, zone, customer, availability);
    },
  };
}

export type PeriodQuery =
  { ok: true; period: { fromMs: number; toMs: number } | null } | { ok: false; parameter: 'from' | 'to'; message: string };

/**
 * `from` and `to` as given by a caller (query string or CLI flags): both or neither; dates in the
 * support zone (a `to` date includes its day) or instants with an offset; `to` after `from`.
 */
export function parsePeriodQuery(from: string | undefined, to: string | undefined, zone: string): PeriodQuery {
  if (from === undefined && to === undefined) return { ok: true, period: null };
  if (from === undefined) return { ok: false, parameter: 'from', message: 'from is required when to is given' };
  if (to === undefined) return { ok: false, parameter: 'to', message: 'to is required when from is given' };
  const fromMs = parsePeriodBound(from, zone, 'from');
  if (fromMs === null)
    return { ok: false, parameter: 'from', message: 'from must be a date (YYYY-MM-DD) or an ISO instant with an offset' };
  const toMs = parsePeriodBound(to, zone, 'to');
  if (toMs === null) return { ok: false, parameter: 'to', message: 'to must be a date (YYYY-MM-DD) or an ISO instant with an offset' };
  if (toMs <= fromMs) return { ok: false, parameter: 'to', message: 'to must be after from' };
  return { ok: true, period: { fromMs, toMs } };
}

/** The period as the inclusive dates a person would type (the `to` date is the last day). */
export function periodDates(period: { fromMs: number; toMs: number }, zone: string): { from: string; to: string } {
  const date = (ms: number) => DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
  return { from: date(period.fromMs), to: date(period.toMs - 1) };
}

/** The availability inputs of the reports from the configuration: the support calendar, and each customer's deployment (CUSTOMER_SETTINGS over DEPLOYMENT). */
export function reportAvailabilityOf(
  officeHours: BusinessCalendar,
  deployment: Deployment,
  customerSettings: CustomerSettings,
): NonNullable<SlaReportsDeps['availability']> {
  return {
    officeHours,
    deploymentOf: (customer) => settingsFor({ locale: 'en' as const, deployment }, customerSettings, customer).deployment,
  };
}
