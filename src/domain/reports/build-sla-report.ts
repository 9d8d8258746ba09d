import type { SlaGoals } from '../sla/sla-policy.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Deployment } from './availability-targets.js';
import { integrationServiceAvailability, type MonthAvailability } from './disruptions.js';
import { customerKey, customersOf, matchesCustomer } from './report-customers.js';
import type { GoalSummary } from './request-outcomes.js';
import { targetDisagreements, type TargetDisagreement } from './xurrent-agreement.js';
import {
  ownRcaStatusOf,
  rcaLinesOf,
  rcaStatusOf,
  type RcaLine,
  type ProblemOpenReason,
  type RcaStatus,
  type ReportProblem,
  type ReportRequest,
} from './report-entities.js';
import { weeksOf, type ReportPeriod } from './report-period.js';
import type { ReportCustomer, SlaRecord } from './sla-record.js';
import { summariseSla, type Breach, type SlaSummary } from './summarise-sla.js';

export interface WeekTrend {
  fromMs: number;
  toMs: number;
  /** Incidents registered in the week. */
  incidents: number;
  /** Targets decided in the week, all priorities: share met (null when none was decided). */
  responseWithinPercent: number | null;
  resolutionWithinPercent: number | null;
  breaches: number;
}

export interface TopIncident {
  requestId: string;
  number: string | null;
  createdAtMs: number;
  problemId: string | null;
  problemNumber: string | null;
  rcaDueMs: number | null;
  /** Null when no problem of the worker's is linked. */
  rcaStatus: RcaStatus | null;
}

/** A breach with the request's number, which people know the request by (the id is Xurrent's node id). */
export interface NumberedBreach extends Breach {
  number: string | null;
}

/** One customer's line in a report over all customers (§2.6: the review is held per customer). */
export interface CustomerLine {
  /** Null: requests whose customer was not known (kept before customers were). */
  customer: ReportCustomer | null;
  goals: GoalSummary[];
  breaches: number;
  running: number;
}

export interface SlaReport extends SlaSummary {
  breaches: NumberedBreach[];
  period: ReportPeriod;
  /** The customer the report is cut to; null: all customers. */
  customer: ReportCustomer | null;
  /** Without a customer: one line per customer with records in the data; with one: empty. */
  customers: CustomerLine[];
  /** Every customer the data knows, for a selector. */
  knownCustomers: ReportCustomer[];
  /**
   * §3.1: the IV Integratiedienst's availability per month and customer from its disruptions;
   * null when the caller gave no office-hours calendar. Not the worker's own heartbeats.
   */
  integrationService: MonthAvailability[] | null;
  /** Targets whose due instant differs from Xurrent's own affected SLA by more than a minute, with the request's number. */
  xurrentDisagreements: (TargetDisagreement & { number: string | null })[];
  /** Requests registered in the period, by kind: RFIs and RFCs have no SLA targets and count apart. */
  registered: Record<ReportRequest['kind'], number>;
  topIncidents: TopIncident[];
  /**
   * Per Top incident and per customer request, its RCA: due date, report date, on time (issue 17
   * point 5). Those due in the period, and those still open at its end.
   */
  rcas: RcaLine[];
  /** Escalations to the SSM and CTO made in the period (§2.8), each with its reason: the customer's or a breach. */
  escalations: {
    requestId: string;
    number: string | null;
    level: 'service_support_manager' | 'cto';
    reason: 'customer' | 'breach';
    atMs: number;
  }[];
  problems: {
    opened: number;
    byReason: Record<ProblemOpenReason, number>;
    rca: Record<RcaStatus, number>;
  };
  weeks: WeekTrend[];
}

/**
 * The SLA review of a period: per priority figures and breaches (`summariseSla`: a target counts in
 * the period its outcome was decided), requests registered by kind, the Top incidents registered in
 * the period with their problem and RCA status at `asOfMs`, the problems the worker opened in the
 * period by reason, and a trend per week (weeks start Monday 00:00 in `zone`, clipped to the period).
 */
export function buildSlaReport(
  all: { records: readonly SlaRecord[]; requests: readonly ReportRequest[]; problems: readonly ReportProblem[] },
  period: ReportPeriod,
  goals: SlaGoals,
  zone: string,
  customer: ReportCustomer | null = null,
  availability?: { officeHours: BusinessCalendar; deploymentOf: (customer: ReportCustomer | null) => Deployment },
): SlaReport {
  const knownCustomers = customersOf(all.requests);
  const data = customer === null ? all : dataOfCustomer(all, customer);
  const inPeriod = (ms: number) => ms >= period.fromMs && ms < period.toMs;
  const registeredRequests = data.requests.filter((r) => inPeriod(r.createdAtMs));
  const registered = { incident: 0, rfi: 0, rfc: 0, other: 0 };
  for (const request of registeredRequests) registered[request.kind] += 1;
  const opened = data.problems.filter((p) => inPeriod(p.createdAtMs));
  const summary = summariseSla(data.records, period, goals);
  const numberOf = new Map(data.requests.map((r) => [r.requestId, r.number]));
  return {
    period,
    ...summary,
    customer,
    customers: customer === null ? customerLines(all.records, period, goals) : [],
    knownCustomers,
    integrationService: availability
      ? integrationServiceAvailability(
          data.requests,
          period,
          zone,
          availability.officeHours,
          availabilityCustomers(customer, knownCustomers, data.requests),
          availability.deploymentOf,
          resolvedAtOf(data.records),
        )
      : null,
    xurrentDisagreements: targetDisagreements(data.records, period).map((d) => ({ ...d, number: numberOf.get(d.requestId) ?? null })),
    breaches: summary.breaches.map((b) => ({ ...b, number: numberOf.get(b.requestId) ?? null })),
    registered,
    topIncidents: registeredRequests
      .filter((r) => r.kind === 'incident' && r.priority === 'top')
      .sort((a, b) => a.createdAtMs - b.createdAtMs)
      .map((r) => topIncidentOf(r, data.problems, period.asOfMs)),
    escalations: data.requests
      .flatMap((r) =>
        (r.escalations ?? []).filter((e) => inPeriod(e.atMs)).map((e) => ({ requestId: r.requestId, number: r.number, ...e })),
      )
      .sort((a, b) => a.atMs - b.atMs || a.requestId.localeCompare(b.requestId)),
    rcas: rcaLinesOf(data.problems, period.asOfMs).filter((l) => inPeriod(l.rcaDueMs) || (l.state !== 'done' && l.rcaDueMs < period.toMs)),
    problems: {
      opened: opened.length,
      byReason: {
        top_incident: opened.filter((p) => p.reason === 'top_incident').length,
        repeated_incidents: opened.filter((p) => p.reason === 'repeated_incidents').length,
        customer_request: opened.filter((p) => p.reason === 'customer_request').length,
      },
      rca: {
        due: opened.filter((p) => rcaStatusOf(p, period.asOfMs) === 'due').length,
        overdue: opened.filter((p) => rcaStatusOf(p, period.asOfMs) === 'overdue').length,
        done: opened.filter((p) => rcaStatusOf(p, period.asOfMs) === 'done').length,
      },
    },
    weeks: weeksOf(period, zone).map((week) => weekTrend(week, data.records, registeredRequests, period.asOfMs, goals)),
  };
}

function resolvedAtOf(records: readonly SlaRecord[]): Map<string, number> {
  return new Map(records.flatMap((r) => (r.target === 'resolution' && r.actualMs !== null ? [[r.requestId, r.actualMs] as const] : [])));
}

/** The customers to report availability for: the one asked for; else every known one, and the unknown one when some request has none. */
function availabilityCustomers(
  customer: ReportCustomer | null,
  known: readonly ReportCustomer[],
  requests: readonly ReportRequest[],
): (ReportCustomer | null)[] {
  if (customer !== null) return [customer];
  const unknown = requests.some((r) => !r.customer);
  const list: (ReportCustomer | null)[] = [...known, ...(unknown || known.length === 0 ? [null] : [])];
  return list;
}

/** A customer's share of the data: its records and requests, and the problems linked to them. */
function dataOfCustomer(
  data: { records: readonly SlaRecord[]; requests: readonly ReportRequest[]; problems: readonly ReportProblem[] },
  customer: ReportCustomer,
) {
  const requests = data.requests.filter((r) => matchesCustomer(r.customer ?? null, customer));
  const ids = new Set(requests.map((r) => r.requestId));
  return {
    records: data.records.filter((r) => ids.has(r.requestId) || matchesCustomer(r.customer ?? null, customer)),
    requests,
    problems: data.problems.filter((p) => p.requestIds.some((id) => ids.has(id))),
  };
}

function customerLines(records: readonly SlaRecord[], period: ReportPeriod, goals: SlaGoals): CustomerLine[] {
  const byCustomer = new Map<string, { customer: ReportCustomer | null; records: SlaRecord[] }>();
  for (const record of records) {
    const key = customerKey(record.customer ?? null);
    const entry = byCustomer.get(key) ?? { customer: record.customer ?? null, records: [] };
    entry.records.push(record);
    byCustomer.set(key, entry);
  }
  return [...byCustomer.values()]
    .map(({ customer, records: own }) => {
      const summary = summariseSla(own, period, goals);
      return { customer, goals: summary.goals, breaches: summary.breaches.length, running: summary.running.length };
    })
    .filter((line) => line.breaches > 0 || line.running > 0 || line.goals.some((g) => g.requests > 0))
    .sort((a, b) => customerKey(a.customer).localeCompare(customerKey(b.customer)));
}

function topIncidentOf(request: ReportRequest, problems: readonly ReportProblem[], asOfMs: number): TopIncident {
  const problem = problems.find((p) => p.requestIds.includes(request.requestId)) ?? problems.find((p) => p.problemId === request.problemId);
  // The incident's own RCA promise (issue 17 point 4), not the problem's earliest target, when it has one.
  const own = problem?.promises?.find((p) => p.reason === 'top_incident' && p.subject === request.requestId);
  return {
    requestId: request.requestId,
    number: request.number,
    createdAtMs: request.createdAtMs,
    problemId: problem?.problemId ?? request.problemId,
    problemNumber: problem?.number ?? null,
    rcaDueMs: own?.dueMs ?? problem?.rcaDueMs ?? null,
    rcaStatus: problem ? ownRcaStatusOf(problem, own, asOfMs) : null,
  };
}

function weekTrend(
  week: { fromMs: number; toMs: number },
  records: readonly SlaRecord[],
  requests: readonly ReportRequest[],
  asOfMs: number,
  goals: SlaGoals,
): WeekTrend {
  const summary = summariseSla(records, { ...week, asOfMs }, goals);
  const share = (target: 'response' | 'resolution') => {
    const met = summary.priorities.reduce((sum, p) => sum + p[target].met, 0);
    const decided = summary.priorities.reduce((sum, p) => sum + p[target].decided, 0);
    return decided === 0 ? null : Math.round((met / decided) * 10_000) / 100;
  };
  return {
    ...week,
    incidents: requests.filter((r) => r.kind === 'incident' && r.createdAtMs >= week.fromMs && r.createdAtMs < week.toMs).length,
    responseWithinPercent: share('response'),
    resolutionWithinPercent: share('resolution'),
    breaches: summary.breaches.length,
  };
}
