import { REQUESTS_FOR_REPORT, RequestsForReportSchema, type ReportSourceRequest } from '../../schema/graphql/requests-for-report.js';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import {
  escalationsFromNotes,
  historyFromXurrent,
  incompleteAsksFromNotes,
  workerStatusWritesFromNotes,
} from '../domain/reports/history-from-xurrent.js';
import { readNoteSignals, workerPersonIdsOf, type AuthoredNote } from '../domain/notes/note-signals.js';
import { currentRule, inSlaScope, policyOfRule } from '../domain/workflow/decided-rule.js';
import { DEFAULT_ESCALATION_CUES, DEFAULT_SIGNAL_TAGS, type WorkflowPolicy } from '../domain/workflow/plan-reconcile.js';
import { planCustomerEscalations } from '../domain/escalation/customer-escalation.js';
import { problemRootCauseAtMs, readSignalMarkers, withSignals } from '../domain/workflow/request-signals.js';
import { slaRecordsOfHistory } from '../domain/reports/records-of-history.js';
import { customerOfRequest } from '../domain/reports/report-customers.js';
import { xurrentDuesOf } from '../domain/reports/xurrent-dues.js';
import type { ReportEscalation, ReportRequest } from '../domain/reports/report-entities.js';
import type { SlaRecord } from '../domain/reports/sla-record.js';
import type { SlaPolicy } from '../domain/sla/sla-policy.js';
import { triageRequest, type TriagePolicy } from '../domain/triage/classify.js';
import type { XurrentClient } from '../xurrent/client.js';
import { paginate } from '../xurrent/paginate.js';
import type { ReportData, ReportStore } from './report-store.js';

export interface RebuildDeps {
  xurrent: Pick<XurrentClient, 'request'>;
  triage: TriagePolicy;
  sla: SlaPolicy;
  calendar: BusinessCalendar;
  /** The contract reading of the workflow (SLA scope, provider account, tags); absent: every instance in scope, default tags. */
  workflow?: Pick<WorkflowPolicy, 'slaServiceInstanceIds' | 'providerAccountId' | 'signalTags' | 'escalationCues'>;
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/**
 * Report data rebuilt from Xurrent: reads every request registered before `untilMs` (Xurrent's
 * request filter has no date), classifies it with the contract's rules, keeps only those in the
 * section 3 SLA's scope, rebuilds its SLA history from Xurrent's SLA accounting (registration pauses,
 * the worker's own status writes and escalations from its note markers) and from what provider
 * persons' notes and the linked problem say (response, root cause, excuse), and runs the same SLA
 * engine as the worker, at `nowMs`, under today's settings. Problems are not rebuilt.
 * `onProgress` is told after each request how many were read of how many Xurrent holds (null: not said).
 */
export async function rebuildFromXurrent(
  deps: RebuildDeps,
  untilMs: number,
  nowMs: number,
  onProgress?: (read: number, total: number | null) => void,
): Promise<ReportData> {
  const data: ReportData = { records: [], requests: [], problems: [] };
  let total: number | null = null;
  let read = 0;
  const pages = paginate(deps.xurrent, {
    document: REQUESTS_FOR_REPORT,
    schema: RequestsForReportSchema,
    connection: (d) => d.requests,
    pageSize: 25,
    maxPages: 10_000,
    onTotal: (n) => (total = n),
  });
  for await (const request of pages) {
    onProgress?.((read += 1), total);
    const createdAtMs = ms(request.createdAt);
    if (createdAtMs === null || createdAtMs >= untilMs) continue;
    const { entry, records } = rebuildRequest(request, createdAtMs, nowMs, deps);
    data.requests.push(entry);
    data.records.push(...records);
  }
  return data;
}

/** The request's notes with who wrote them, as the note-signal rules read them. */
function authoredNotesOf(request: ReportSourceRequest): AuthoredNote[] {
  return (request.notes?.nodes ?? []).map((n) => ({
    text: n.text ?? '',
    createdAtMs: ms(n.createdAt),
    internal: n.internal === true,
    personId: n.person?.id ?? null,
    accountId: n.account?.id ?? n.person?.account?.id ?? null,
  }));
}

/**
 * The review's escalations as the live worker keeps them (§2.8): the breach ladder's SSM and CTO steps
 * from the markers of its notes (dated by the note), the customer's from the customer's notes
 * (customer-escalation.ts, dated at the customer's note, as live).
 */
function reviewEscalationsOf(request: ReportSourceRequest, deps: RebuildDeps): ReportEscalation[] {
  const notes = (request.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', atMs: ms(n.createdAt) ?? 0 }));
  const breach = escalationsFromNotes(request.id, notes).flatMap<ReportEscalation>((e) =>
    e.level === 'service_support_manager' || e.level === 'cto' ? [{ level: e.level, reason: 'breach', atMs: e.atMs }] : [],
  );
  const authored = authoredNotesOf(request);
  const ctx = {
    providerAccountId: deps.workflow?.providerAccountId ?? null,
    workerPersonIds: workerPersonIdsOf(authored),
    requesterIds: new Set(
      [request.requestedFor?.id, request.requestedBy?.id, request.createdBy?.id].filter((id): id is string => typeof id === 'string'),
    ),
  };
  const customer = planCustomerEscalations(request.id, authored, [], ctx, {
    cues: deps.workflow?.escalationCues ?? DEFAULT_ESCALATION_CUES,
    serviceSupportManagerId: null,
    ctoId: null,
    mode: 'watch',
  }).records.map((r) => ({
    level: r.level as 'service_support_manager' | 'cto',
    reason: 'customer' as const,
    atMs: r.atMs,
  }));
  // In the order they happened, the ladder's before the customer's at the same instant (as the live record keeps them).
  return [...breach, ...customer];
}

function rebuildRequest(
  request: ReportSourceRequest,
  createdAtMs: number,
  nowMs: number,
  deps: RebuildDeps,
): { entry: ReportRequest; records: SlaRecord[] } {
  const triage = triageRequest(
    {
      category: request.category ?? null,
      impact: request.impact ?? null,
      serviceInstanceId: request.serviceInstance?.id ?? null,
      teamId: request.team?.id ?? null,
    },
    deps.triage,
  );
  const serviceInstance = request.serviceInstance?.id ?? null;
  // A rebuild knows no registration-time settings: today's rule (decided-rule.ts), as for a rebuilt workflow state.
  const rule = currentRule(deps.sla, {
    slaServiceInstanceIds: deps.workflow?.slaServiceInstanceIds ?? null,
    xurrentServiceInstanceIds: deps.triage.xurrentServiceInstanceIds,
  });
  const inSla = inSlaScope(serviceInstance, rule);
  const entry: ReportRequest = {
    requestId: request.id,
    number: request.requestId ?? null,
    kind: triage.kind,
    priority: triage.priority,
    serviceInstance,
    createdAtMs,
    problemId: request.problem?.id ?? null,
    customer: customerOfRequest(request, deps.workflow?.providerAccountId ?? null),
    inSla,
    downtimeStartMs: ms(request.downtimeStartAt),
    downtimeEndMs: ms(request.downtimeEndAt),
    completedAtMs: request.status === 'completed' ? ms(request.completedAt) : null,
    escalations: reviewEscalationsOf(request, deps),
  };
  if (triage.kind !== 'incident' || triage.priority === null) return { entry, records: [] };
  if (!inSla) return { entry, records: [] };
  const sla = request.affectedSlas?.nodes[0];
  const xurrentDues = xurrentDuesOf(request.affectedSlas?.nodes ?? []);
  const notes = (request.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', atMs: ms(n.createdAt) ?? createdAtMs }));
  const authored = authoredNotesOf(request);
  const signals = readNoteSignals(
    authored,
    {
      providerAccountId: deps.workflow?.providerAccountId ?? null,
      workerPersonIds: workerPersonIdsOf(authored),
      requesterIds: new Set(
        [request.requestedFor?.id, request.requestedBy?.id, request.createdBy?.id].filter((id): id is string => typeof id === 'string'),
      ),
    },
    deps.workflow?.signalTags ?? DEFAULT_SIGNAL_TAGS,
  );
  const problem = request.problem
    ? {
        id: request.problem.id,
        status: request.problem.status ?? null,
        knownError: request.problem.knownError === true,
        workaround: request.problem.workaround ?? null,
        updatedAtMs: ms(request.problem.updatedAt),
      }
    : null;
  const history = historyFromXurrent({
    createdAtMs,
    priority: triage.priority,
    status: request.status ?? 'assigned',
    actualResponseAtMs: ms(sla?.actualResponseAt),
    actualResolutionAtMs: ms(sla?.actualResolutionAt) ?? ms(request.completedAt),
    stoppedClockPeriods: (sla?.stoppedClockPeriods ?? []).flatMap((p) =>
      p && ms(p.from) !== null ? [{ fromMs: ms(p.from) as number, toMs: ms(p.to), notAccountable: p.providerNotAccountable === true }] : [],
    ),
    // The worker's ask notes tell which stopped period was its pause for an incomplete registration.
    incompleteAsksAtMs: incompleteAsksFromNotes(request.id, notes),
    workerStatusWritesAtMs: workerStatusWritesFromNotes(request.id, notes),
  });
  // The same signals the live worker reads (note authors, tags, the linked problem): the same response, root cause and excuse.
  // ...and the instants the worker marked live (request-signals.ts), where Xurrent keeps no trace of them.
  const marked = readSignalMarkers(
    request.id,
    notes.map((n) => n.text),
  );
  const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const events = withSignals(
    history,
    {
      respondedAtMs: earliest(signals.respondedAtMs, marked.respondedAtMs),
      rootCauseAtMs: earliest(signals.rootCauseAtMs, marked.rootCauseAtMs),
      problemRootCauseAtMs: problemRootCauseAtMs({ problem, createdAtMs }, nowMs),
    },
    nowMs,
  );
  const records = slaRecordsOfHistory(
    { requestId: request.id, category: 'incident', serviceInstance },
    events,
    escalationsFromNotes(request.id, notes),
    nowMs,
    deps.calendar,
    policyOfRule(rule, deps.sla),
  ).map((record) => ({
    ...record,
    excused: signals.excused,
    customer: entry.customer ?? null,
    xurrentDueMs: xurrentDues[record.target],
    rule: {
      allowedMs: rule.targets[record.priority][`${record.target}Ms`],
      resolutionClockStart: rule.resolutionClockStart,
      responseBy: rule.responseBy,
    },
  }));
  return { entry, records };
}

/** Writes rebuilt requests whose records the store lacks; returns how many were filled in. */
export async function fillMissing(
  store: Pick<ReportStore, 'readUntil' | 'saveRequest'>,
  rebuilt: ReportData,
  untilMs: number,
): Promise<number> {
  const kept = await store.readUntil(untilMs);
  const known = new Set(kept.requests.map((r) => r.requestId));
  let filled = 0;
  for (const request of rebuilt.requests) {
    if (known.has(request.requestId)) continue;
    await store.saveRequest(
      request,
      rebuilt.records.filter((r) => r.requestId === request.requestId),
    );
    filled += 1;
  }
  return filled;
}
