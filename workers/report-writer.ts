import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import type { BusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import type { TicketFacts } from '../src/domain/notes/ticket-facts.js';
import { slaRecordsOfHistory } from '../src/domain/reports/records-of-history.js';
import type { ReportRequest } from '../src/domain/reports/report-entities.js';
import type { SlaPolicy } from '../src/domain/sla/sla-policy.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';
import { legacyRule, policyOfRule } from '../src/domain/workflow/decided-rule.js';
import type { ReportStore } from '../src/reports/report-store.js';

export interface ReportWriterDeps {
  store: Pick<ReportStore, 'saveRequest'>;
  calendar: BusinessCalendar;
  sla: SlaPolicy;
}

/** After each reconcile: the request's facts and SLA records as they stand, upserted for reporting. */
export type ReportWriter = (request: RequestDetail, state: WorkflowState, facts: TicketFacts, nowMs: number) => Promise<void>;

export function createReportWriter({ store, calendar, sla }: ReportWriterDeps): ReportWriter {
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
    };
    // Outside the section 3 SLA's scope (§3): no targets, so no records; held to the rule it was registered under.
    const inSla = !facts.flags.includes('outside_sla');
    const records = inSla
      ? slaRecordsOfHistory(
          { requestId: request.id, category: request.category ?? 'other', serviceInstance: entry.serviceInstance },
          state.events,
          state.escalations,
          nowMs,
          calendar,
          policyOfRule(state.rule ?? legacyRule(sla), sla),
        ).map((record) => ({ ...record, excused: state.excused ?? null }))
      : [];
    await store.saveRequest(entry, records);
  };
}
