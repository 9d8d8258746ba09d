import { DateTime } from 'luxon';
import type { SlaReport } from '../domain/reports/build-sla-report.js';
import type { PausedTime } from '../domain/reports/paused-time.js';
import type { GoalSummary } from '../domain/reports/request-outcomes.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number) => Math.round(ms / 60_000);
/** Paused business minutes by reason: incomplete requests apart from other waiting for the customer. */
const pausedMinutes = (p: PausedTime) => ({
  incompleteRequest: minutes(p.incompleteRequestMs),
  waitingForCustomer: minutes(p.waitingForCustomerMs),
  other: minutes(p.otherMs),
});

/**
 * The report as JSON for people and tools: instants as ISO (UTC), durations in minutes, weeks
 * labelled by their first day in the support zone. Ids only.
 */
export function reportToJson(report: SlaReport, zone: string) {
  const numberOfRequest = new Map<string, string | null>([...report.breaches, ...report.topIncidents].map((r) => [r.requestId, r.number]));
  return {
    period: { from: iso(report.period.fromMs), to: iso(report.period.toMs), asOf: iso(report.period.asOfMs) },
    /** The customer the report is cut to; null: all customers (then `customers` has one line each). */
    customer: report.customer,
    /** The settings the figures rest on: the goals used, and the rules the counted records were decided under (kept from registration). */
    settings: {
      goals: report.settings.goals,
      rules: report.settings.rules.map((r) => ({
        priority: r.priority,
        target: r.target,
        allowedBusinessMinutes: minutes(r.allowedMs),
        resolutionClockStart: r.resolutionClockStart,
        responseBy: r.responseBy,
        records: r.records,
      })),
      recordsWithoutRule: report.settings.recordsWithoutRule,
    },
    /** §3.2's goals, over requests: within target when every target it started was met. */
    goals: report.goals.map(goalJson),
    /** Requests still running at the end of the period: not in the goals yet. */
    running: report.running.map((r) => ({
      requestId: r.requestId,
      priority: r.priority,
      customer: r.customer,
      start: iso(r.startMs),
      outcomeSoFar: r.outcome,
    })),
    customers: report.customers.map((c) => ({
      customer: c.customer,
      goals: c.goals.map(goalJson),
      breaches: c.breaches,
      running: c.running,
    })),
    knownCustomers: report.knownCustomers,
    /**
     * §3.1: the IV Integratiedienst's availability per month and customer, from its disruptions
     * (Top incidents in scope). Not the worker's own heartbeats (those are `GET /availability`).
     */
    integrationServiceAvailability:
      report.integrationService?.map((m) => ({
        month: m.month,
        from: iso(m.fromMs),
        to: iso(m.toMs),
        customer: m.customer,
        deployment: m.deployment,
        officeHours: {
          percent: m.report.officeHours.percent,
          downMinutes: minutes(m.report.officeHours.totalMs - m.report.officeHours.upMs),
          targetPercent: m.targets.officeHoursPercent,
          met: m.verdict.officeHoursMet,
        },
        outsideOfficeHours: {
          percent: m.report.outsideOfficeHours.percent,
          downMinutes: minutes(m.report.outsideOfficeHours.totalMs - m.report.outsideOfficeHours.upMs),
          targetPercent: m.targets.outsideOfficeHoursPercent,
          met: m.verdict.outsideOfficeHoursMet,
        },
        interruptions: { count: m.report.interruptions, max: m.targets.maxInterruptions, met: m.verdict.interruptionsMet },
        disruptions: m.disruptions.map((d) => ({
          requestId: d.requestId,
          number: d.number,
          from: iso(d.fromMs),
          to: iso(d.toMs),
          source: d.source,
        })),
      })) ?? null,
    /** Targets where Xurrent's own affected SLA gives an instant more than a minute from the worker's due. */
    xurrentDisagreements: report.xurrentDisagreements.map((d) => ({
      requestId: d.requestId,
      number: d.number,
      target: d.target,
      workerDue: iso(d.workerDueMs),
      xurrentDue: iso(d.xurrentDueMs),
      differenceMinutes: Math.round(d.differenceMs / 6_000) / 10,
    })),
    priorities: report.priorities.map((p) => ({
      priority: p.priority,
      requests: p.requests,
      response: p.response,
      resolution: p.resolution,
      goalPercent: p.goalPercent,
      goalMet: p.goalMet,
      pausedBusinessMinutes: pausedMinutes(p.paused),
    })),
    pausedBusinessMinutes: pausedMinutes(report.paused),
    breaches: report.breaches.map((b) => ({
      requestId: b.requestId,
      number: b.number,
      priority: b.priority,
      target: b.target,
      serviceInstance: b.serviceInstance,
      start: iso(b.startMs),
      due: iso(b.dueMs),
      actual: iso(b.actualMs),
      lateByMinutes: minutes(b.lateByMs),
      pausedBusinessMinutes: minutes(b.pausedBusinessMs),
      reason: b.reason,
      escalations: b.escalations,
      // §3.2's root-cause start: when the resolution clock started, or null with noRootCauseRecorded (counted from registration).
      ...(b.rootCauseAtMs === undefined ? {} : { rootCauseAt: iso(b.rootCauseAtMs), noRootCauseRecorded: b.rootCauseAtMs === null }),
      customer: b.customer,
      /** §3.3: excused breaches stay listed, with the reason, who excused (a person's node id) and when. */
      excused: b.excused ? { reason: b.excused.reason, by: b.excused.by, at: iso(b.excused.at) } : null,
    })),
    registered: report.registered,
    topIncidents: report.topIncidents.map((t) => ({
      requestId: t.requestId,
      number: t.number,
      created: iso(t.createdAtMs),
      problemId: t.problemId,
      problemNumber: t.problemNumber,
      rcaDue: iso(t.rcaDueMs),
      rcaStatus: t.rcaStatus,
    })),
    escalations: report.escalations.map((e) => ({
      requestId: e.requestId,
      number: e.number,
      level: e.level,
      reason: e.reason,
      at: iso(e.atMs),
    })),
    rcas: report.rcas.map((r) => ({
      reason: r.reason,
      requestId: r.requestId,
      number: numberOfRequest.get(r.requestId) ?? null,
      problemId: r.problemId,
      problemNumber: r.problemNumber,
      rcaDue: iso(r.rcaDueMs),
      reportAdded: iso(r.reportAtMs),
      state: r.state,
      onTime: r.onTime,
    })),
    problems: report.problems,
    weeks: report.weeks.map((w) => ({
      label: DateTime.fromMillis(w.fromMs, { zone }).toISODate(),
      from: iso(w.fromMs),
      to: iso(w.toMs),
      incidents: w.incidents,
      responseWithinPercent: w.responseWithinPercent,
      resolutionWithinPercent: w.resolutionWithinPercent,
      breaches: w.breaches,
    })),
  };
}

function goalJson(g: GoalSummary) {
  return {
    name: g.name,
    priorities: g.priorities,
    goalPercent: g.goalPercent,
    requests: g.requests,
    withinTarget: g.withinTarget,
    excused: g.excused,
    percent: g.percent,
    percentIncludingExcused: g.percentIncludingExcused,
    met: g.met,
  };
}

export type SlaReportJson = ReturnType<typeof reportToJson>;
