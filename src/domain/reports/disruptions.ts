import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { summariseAvailability, type AvailabilityReport } from './availability.js';
import {
  availabilityTargetsFor,
  judgeAvailability,
  type AvailabilityTargets,
  type AvailabilityVerdict,
  type Deployment,
} from './availability-targets.js';
import { customerKey } from './report-customers.js';
import type { ReportRequest } from './report-entities.js';
import type { ReportCustomer } from './sla-record.js';

/** One disruption of the IV Integratiedienst (§3.1) and the downtime it stands for. */
export interface Disruption {
  requestId: string;
  number: string | null;
  customer: ReportCustomer | null;
  fromMs: number;
  toMs: number;
  /** `xurrent_downtime`: the agent's downtimeStartAt–downtimeEndAt; `registration_to_resolution` otherwise. */
  source: 'xurrent_downtime' | 'registration_to_resolution';
}

/**
 * §3.1: a disruption is an incident by which several users cannot use the IV Integratiedienst:
 * a Top incident (the contract's "service down, several users") in the SLA's scope. Its downtime
 * is Xurrent's `downtimeStartAt`–`downtimeEndAt` when an agent filled them in (an open end runs to
 * the resolution, or to `asOfMs` while open); otherwise registration to resolution (or `asOfMs`).
 * `resolvedAt`: the resolution records' stops by request, for requests kept before `completedAtMs` was.
 */
export function disruptionsOf(
  requests: readonly ReportRequest[],
  asOfMs: number,
  resolvedAt: ReadonlyMap<string, number> = new Map(),
): Disruption[] {
  return requests
    .filter((r) => r.kind === 'incident' && r.priority === 'top' && r.inSla !== false)
    .map((r): Disruption => {
      // A request kept before its completion was (no `completedAtMs`): its resolution record's stop.
      const end = r.completedAtMs ?? resolvedAt.get(r.requestId) ?? asOfMs;
      const recorded = typeof r.downtimeStartMs === 'number';
      const fromMs = recorded ? (r.downtimeStartMs as number) : r.createdAtMs;
      const toMs = recorded ? (r.downtimeEndMs ?? end) : end;
      return {
        requestId: r.requestId,
        number: r.number,
        customer: r.customer ?? null,
        fromMs,
        toMs: Math.max(fromMs, toMs),
        source: recorded ? 'xurrent_downtime' : 'registration_to_resolution',
      };
    })
    .sort((a, b) => a.fromMs - b.fromMs || a.requestId.localeCompare(b.requestId));
}

/** The IV Integratiedienst's availability of one customer in one calendar month (§3.1). */
export interface MonthAvailability {
  /** `2026-03`, in the support zone. */
  month: string;
  fromMs: number;
  toMs: number;
  customer: ReportCustomer | null;
  deployment: Deployment;
  report: AvailabilityReport;
  targets: AvailabilityTargets;
  verdict: AvailabilityVerdict;
  disruptions: Disruption[];
}

/**
 * Per calendar month overlapping the period (clipped to it) and per customer with requests in
 * the data: the availability from that customer's disruptions, in office hours (the support
 * calendar) and outside, interruptions counted as merged disruptions, against the targets of the
 * customer's deployment (`deploymentOf`: CUSTOMER_SETTINGS over DEPLOYMENT).
 */
export function integrationServiceAvailability(
  requests: readonly ReportRequest[],
  period: { fromMs: number; toMs: number; asOfMs: number },
  zone: string,
  officeHours: BusinessCalendar,
  customers: readonly (ReportCustomer | null)[],
  deploymentOf: (customer: ReportCustomer | null) => Deployment,
  resolvedAt: ReadonlyMap<string, number> = new Map(),
): MonthAvailability[] {
  const all = disruptionsOf(requests, period.asOfMs, resolvedAt);
  const result: MonthAvailability[] = [];
  for (const month of monthsOf(period, zone)) {
    for (const customer of customers) {
      const own = all.filter((d) => customerKey(d.customer) === customerKey(customer) && d.fromMs < month.toMs && d.toMs > month.fromMs);
      const report = summariseAvailability(own, month, officeHours);
      const deployment = deploymentOf(customer);
      const targets = availabilityTargetsFor(deployment);
      result.push({
        month: month.label,
        fromMs: month.fromMs,
        toMs: month.toMs,
        customer,
        deployment,
        report,
        targets,
        verdict: judgeAvailability(report, targets),
        disruptions: own,
      });
    }
  }
  return result;
}

function monthsOf(period: { fromMs: number; toMs: number }, zone: string): { label: string; fromMs: number; toMs: number }[] {
  const months: { label: string; fromMs: number; toMs: number }[] = [];
  let start = DateTime.fromMillis(period.fromMs, { zone }).startOf('month');
  while (start.toMillis() < period.toMs) {
    const next = start.plus({ months: 1 });
    months.push({
      label: start.toFormat('yyyy-MM'),
      fromMs: Math.max(start.toMillis(), period.fromMs),
      toMs: Math.min(next.toMillis(), period.toMs),
    });
    start = next;
  }
  return months;
}
