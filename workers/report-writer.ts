import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import type { BusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import type { TicketFacts } from '../src/domain/notes/ticket-facts.js';
import { slaRecordsOfHistory } from '../src/domain/reports/records-of-history.js';
import type { ReportRequest } from '../src/domain/reports/report-entities.js';
import type { SlaPolicy } from '../src/domain/sla/sla-policy.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';
import { legacyRule, policyOfRule } from '../src/domain/workflow/decided-rule.js';
import type { ReportStore } from '../src/reports/report-store.js';
import { customerOfRequest } from '../src/domain/reports/report-customers.js';
import { xurrentDuesOf } from '../src/domain/reports/xurrent-dues.js';

export interface ReportWriterDeps {
  store: Pick<ReportStore, 'saveRequest'>;
  calendar: BusinessCalendar;
  sla: SlaPolicy;
  /** The provider's own Xurrent account (`XURRENT_ACCOUNT`): a request living there is not a customer's by its account. */
  providerAccountId?: string | null;
}

/** After each reconcile: the request's facts and SLA records as they stand, upserted for reporting. */
export type ReportWriter = (request: RequestDetail, state: WorkflowState, facts: TicketFacts, nowMs: number) => Promise<void>;

function instantOf(iso: string | null | undefined): number | null {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

export function createReportWriter({ store, calendar, sla, providerAccountId = null }: ReportWriterDeps): ReportWriter {
  return async (request, state, facts, nowMs) => {
    const createdAtMs = state.events.find((e) => e.kind === 'created')?.at ?? (request.createdAt ? Date.parse(request.createdAt) : nowMs);
    const entry: ReportRequest = {
      requestId: request.id,
      number: request.requestId ?? null,
      kind: facts.kind,
      priority: facts.priority,
      serviceInstance: request.serviceInstance?.id ?? null,
      createdAtMs,
      problemId: request.problem?.id ?? null,
      customer: customerOfRequest(request, providerAccountId),
      inSla: !facts.flags.includes('outside_sla'),
      downtimeStartMs: instantOf(request.downtimeStartAt),
      downtimeEndMs: instantOf(request.downtimeEndAt),
      completedAtMs:
        request.status === 'completed' ? (instantOf(request.completedAt.kind === 'at' ? request.completedAt.iso : null) ?? nowMs) : null,
      // §2.8: the review's escalation table; the customer's escalations kept apart from the ladder's.
      escalations: state.escalations.flatMap((e) =>
        (e.level === 'service_support_manager' || e.level === 'cto') && e.reason
          ? [{ level: e.level, reason: e.reason, atMs: e.atMs }]
          : [],
      ),
    };
    // Xurrent's own affected SLA, read in the same query (no extra call): its targets beside the worker's.
    const xurrentDues = xurrentDuesOf(request.affectedSlas?.nodes ?? []);
    // Outside the section 3 SLA's scope (§3): no targets, so no records; held to the rule it was registered under.
    const inSla = !facts.flags.includes('outside_sla');
    const rule = state.rule ?? legacyRule(sla);
    const records = inSla
      ? slaRecordsOfHistory(
          { requestId: request.id, category: request.category ?? 'other', serviceInstance: entry.serviceInstance },
          state.events,
          state.escalations,
          nowMs,
          calendar,
          policyOfRule(rule, sla),
        ).map((record) => ({
          ...record,
          excused: state.excused ?? null,
          customer: entry.customer ?? null,
          xurrentDueMs: xurrentDues[record.target],
          rule: {
            allowedMs: rule.targets[record.priority][`${record.target}Ms`],
            resolutionClockStart: rule.resolutionClockStart,
            responseBy: rule.responseBy,
          },
        }))
      : [];
    await store.saveRequest(entry, records);
  };
}
