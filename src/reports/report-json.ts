import { DateTime } from 'luxon';
import type { SlaReport } from '../domain/reports/build-sla-report.js';
import type { PausedTime } from '../domain/reports/paused-time.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number) => Math.round(ms / 60_000);
/** Paused business minutes by reason: incomplete requests apart from other waiting for the customer. */
const pausedMinutes = (p: PausedTime) => ({ incompleteRequest: minutes(p.incompleteRequestMs), waitingForCustomer: minutes(p.waitingForCustomerMs), other: minutes(p.otherMs) });

/**
 * The report as JSON for people and tools: instants as ISO (UTC), durations in minutes, weeks
 * labelled by their first day in the support zone. Ids only.
 */
export function reportToJson(report: SlaReport, zone: string) {
  return {
    period: { from: iso(report.period.fromMs), to: iso(report.period.toMs), asOf: iso(report.period.asOfMs) },
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

export type SlaReportJson = ReturnType<typeof reportToJson>;
