import type { FormatInstant } from '../notes/ticket-facts.js';
import { noteMarker } from '../notes/render-notes.js';
import { isImpact, type Impact } from '../triage/categories.js';
import type { ProblemDecision } from './detect-problem.js';
import type { IncidentTimeline } from './incident-timeline.js';
import type { IncidentRow } from './incident-row.js';
import { highestImpact, PROBLEM_SOURCE } from './problem-group.js';
import { computeRcaDueMs } from './rca-due.js';
import { rcaPromiseMarker, type RcaPromise } from './rca-promises.js';
import { renderLinkNote, renderProblemSubject, renderRcaNote } from './render-problem.js';

export interface ProblemWritePolicy {
  rcaDue: string;
  zone: string;
  managerId: string | null;
  teamId: string | null;
  businessMillisBetween: (fromMs: number, toMs: number) => number;
  format: FormatInstant;
}

export interface ProblemCreateWrite {
  kind: 'create';
  rcaDueMs: number;
  input: {
    subject: string;
    serviceId: string;
    impact?: Impact;
    managerId?: string;
    teamId?: string;
    source: string;
    sourceID: string;
    requestIds: string[];
    serviceInstanceIds: string[];
    analysisTargetAt: string;
    note: string;
  };
}

export interface ProblemLinkWrite {
  kind: 'link';
  input: { id: string; requestIds: string[]; note: string; analysisTargetAt?: string };
  /** The problem's RCA due when this link moved it earlier (its timers follow); absent: unchanged. */
  rcaDueMs?: number;
}

export type ProblemWrite = ProblemCreateWrite | ProblemLinkWrite | { kind: 'skip'; why: string };

export interface ProblemWriteContext {
  incident: IncidentRow;
  /** The group's incidents (including this one), by node id. */
  rows: ReadonlyMap<string, IncidentRow>;
  sourceId: string;
  /** Requests the open problem links already (sent again: Xurrent may replace `requestIds` on update). */
  linkedRequestIds: readonly string[];
  timelineOf: (row: IncidentRow) => IncidentTimeline;
  /** The open problem's RCA due (`analysisTargetAt`), when linking to one. */
  openRcaDueMs?: number | null;
  /** Reports already cover every promise on the problem (rca-coverage.ts): its target is spent. */
  openRcaCovered?: boolean;
}

/**
 * Turns a problem decision into the one write to Xurrent: a new problem (subject, service, highest
 * impact, manager, team, source/sourceID, links, RCA target = the triggering incident's registration
 * plus RCA_DUE, RCA skeleton note) or the links added to the open problem (never dropping earlier ones).
 */
export function planProblemWrite(decision: ProblemDecision, context: ProblemWriteContext, policy: ProblemWritePolicy): ProblemWrite {
  if (decision.action === 'none') return { kind: 'skip', why: decision.why };
  const rows = decision.requestIds
    .map((id) => context.rows.get(id) ?? (id === context.incident.id ? context.incident : undefined))
    .filter((r): r is IncidentRow => r !== undefined);
  if (decision.action === 'link') {
    const requestIds = [...new Set([...context.linkedRequestIds, ...decision.requestIds])];
    const marker = noteMarker('problem-link', decision.requestIds.join(','));
    const note = renderLinkNote(
      rows.map((r) => r.label),
      decision.why,
      marker,
    );
    if (decision.reason !== 'top_incident') return { kind: 'link', input: { id: decision.problemId, requestIds, note } };
    // The Top incident's own promise: the problem's RCA due becomes at most RCA_DUE after its registration.
    const promise: RcaPromise = {
      reason: 'top_incident',
      subject: context.incident.id,
      dueMs: computeRcaDueMs(context.incident.createdAtMs, policy.rcaDue, policy.zone),
    };
    const current = context.openRcaDueMs ?? null;
    // A target whose promises all have their report is spent: the new promise's due becomes the target, even later.
    const moved = current === null || context.openRcaCovered === true || promise.dueMs < current;
    const dueLine = `Root-cause analysis of this Top incident due: ${policy.format(promise.dueMs)}${moved ? " (the problem's RCA target moves to it)" : ''}.`;
    return {
      kind: 'link',
      input: {
        id: decision.problemId,
        requestIds,
        note: [note.replace(`\n${marker}`, ''), dueLine, rcaPromiseMarker(promise), marker].join('\n'),
        ...(moved ? { analysisTargetAt: new Date(promise.dueMs).toISOString() } : {}),
      },
      ...(moved ? { rcaDueMs: promise.dueMs } : {}),
    };
  }
  const { incident } = context;
  if (!incident.serviceId) return { kind: 'skip', why: 'the incident has no service, which Xurrent requires for a problem' };
  const rcaDueMs = computeRcaDueMs(incident.createdAtMs, policy.rcaDue, policy.zone);
  const impact = highestImpact(rows.map((r) => (isImpact(r.impact) ? r.impact : null)));
  const note = renderRcaNote({
    reason: decision.reason,
    why: decision.why,
    groupName: incident.serviceInstanceName,
    rcaDueMs,
    incidents: rows.map(context.timelineOf),
    businessMillisBetween: policy.businessMillisBetween,
    format: policy.format,
    marker: `${rcaPromiseMarker({ reason: decision.reason, subject: decision.reason === 'top_incident' ? incident.id : context.sourceId, dueMs: rcaDueMs })}\n${noteMarker('problem', context.sourceId)}`,
  });
  return {
    kind: 'create',
    rcaDueMs,
    input: {
      subject: renderProblemSubject(decision.reason, incident.serviceInstanceName, incident.label),
      serviceId: incident.serviceId,
      ...(impact ? { impact } : {}),
      ...(policy.managerId ? { managerId: policy.managerId } : {}),
      ...(policy.teamId ? { teamId: policy.teamId } : {}),
      source: PROBLEM_SOURCE,
      sourceID: context.sourceId,
      requestIds: decision.requestIds,
      serviceInstanceIds: incident.serviceInstanceId ? [incident.serviceInstanceId] : [],
      analysisTargetAt: new Date(rcaDueMs).toISOString(),
      note,
    },
  };
}
