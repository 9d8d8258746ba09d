import type { EscalationLevel, TargetKind } from '../escalation/ladder.js';
import { NOTE_MARKER_PREFIX } from '../notes/render-notes.js';
import { ASK_MATCH_MS, incompleteAsksFromNotes, workerStatusWritesFromNotes } from '../reports/history-from-xurrent.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { EscalationRecord, WorkflowState } from '../workflow/workflow-state.js';

/** A request's SLA history as Xurrent keeps it on its affected SLA, instants in epoch ms. */
export interface SlaHistoryFacts {
  actualResponseAtMs: number | null;
  actualResolutionAtMs: number | null;
  /** `notAccountable`: Xurrent's `providerNotAccountable` period (not a wait for the customer). */
  stoppedPeriods: readonly { fromMs: number; toMs: number | null; notAccountable?: boolean }[];
}

/** What the worker can read back from Xurrent about a request it has no memory of. */
export interface RequestHistoryInput {
  requestNodeId: string;
  status: string;
  category: string | null;
  updatedAtMs: number;
  reopenCount: number;
  /** null: Xurrent has no affected SLA for the request, so its status history is unknown. */
  sla: SlaHistoryFacts | null;
  /** The request's notes; the worker's own carry markers (`[xsw:…]`) and their creation instant. */
  notes: readonly { text: string; createdAtMs: number | null }[];
}

/** How a rebuilt state came about; `gaps` name what Xurrent could not tell (nothing is guessed silently). */
export interface HistoryRebuild {
  rebuiltAtMs: number;
  complete: boolean;
  gaps: string[];
}

export type RebuiltState = WorkflowState & { history: HistoryRebuild };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rebuilds the worker's memory of a request after Redis lost it (reconcile, don't replay): status
 * changes from the affected SLA (first response, clock-stopped periods = waiting for the customer,
 * resolution), escalations done and the last change-note number from the markers of the worker's
 * own notes (dated at the note). The `created` event and the priority come from the next observation
 * (current impact, from registration): earlier priorities are not needed, since a priority change
 * re-evaluates both targets from registration (sla-clock.ts). What cannot be recovered is listed in
 * `history.gaps`: completions before a reopen, a person's status change after the worker's own first
 * write, and everything when there is no affected SLA. A rebuilt request is held to today's settings
 * (decided-rule.ts): the ones at its registration were in the lost state.
 */
export function rebuildWorkflowState(input: RequestHistoryInput, nowMs: number): RebuiltState {
  const gaps: string[] = [];
  const ownNotes = input.notes.filter((n) => n.text.includes(`[${NOTE_MARKER_PREFIX}`) && n.text.includes(input.requestNodeId));
  if (input.sla === null) gaps.push('no_affected_sla: status history unknown, changes dated at the last update');
  if (input.reopenCount > 0) gaps.push('reopened: completions before the last reopen are unknown and counted as running');
  const dated = input.notes.flatMap((n) => (n.createdAtMs === null ? [] : [{ text: n.text, atMs: n.createdAtMs }]));
  const ownWrites = workerStatusWritesFromNotes(input.requestNodeId, dated);
  const firstResponse = input.sla?.actualResponseAtMs ?? null;
  if (firstResponse !== null && ownWrites.some((at) => Math.abs(at - firstResponse) <= ASK_MATCH_MS)) {
    gaps.push(
      "response_after_own_write: Xurrent's first response was the worker's own status change; a person's later status change is unknown (their public notes still count)",
    );
  }
  return {
    version: 1,
    observed:
      input.sla === null ? null : { status: input.status, category: input.category, priority: null, updatedAtMs: input.updatedAtMs },
    events: input.sla === null ? [] : statusEventsOf(input.sla, input.status, asksOf(input), ownWrites),
    facts: null,
    factsVersion: lastFactsVersion(ownNotes, input.requestNodeId),
    escalations: escalationsOf(ownNotes, input.requestNodeId),
    notesWritten: ownNotes.length,
    history: { rebuiltAtMs: nowMs, complete: gaps.length === 0, gaps },
  };
}

/** When the worker asked the requester for missing registration details (its ask notes' markers). */
function asksOf(input: RequestHistoryInput): number[] {
  const dated = input.notes.flatMap((n) => (n.createdAtMs === null ? [] : [{ text: n.text, atMs: n.createdAtMs }]));
  return incompleteAsksFromNotes(input.requestNodeId, dated);
}

/**
 * The clock-relevant status changes: which responding status is recorded does not matter to the
 * clock, only responded / waiting for the customer / completed and when (the most telling wins
 * when two fall on one instant). The same reading as the report rebuild (history-from-xurrent.ts):
 * a response at the worker's own status write is the worker's (`by: 'worker'`), a stopped period
 * that starts at the worker's ask is its `incomplete_request` pause, a period's end is `assigned`
 * (who ended the wait Xurrent does not say, so it is no response), and a period in which the
 * provider was not accountable is that switch, not a wait.
 */
function statusEventsOf(
  sla: SlaHistoryFacts,
  status: string,
  asksAtMs: readonly number[],
  ownWritesAtMs: readonly number[],
): RequestEvent[] {
  const near = (list: readonly number[], ms: number) => list.some((at) => Math.abs(at - ms) <= ASK_MATCH_MS);
  const at = new Map<number, { rank: number; event: RequestEvent }>();
  const put = (ms: number | null, rank: number, event: (ms: number) => RequestEvent) => {
    if (ms === null) return;
    const current = at.get(ms);
    if (!current || current.rank < rank) at.set(ms, { rank, event: event(ms) });
  };
  const own = (ms: number) => (near(ownWritesAtMs, ms) ? { by: 'worker' as const } : {});
  put(sla.actualResponseAtMs, 0, (ms) => ({ kind: 'status-changed', at: ms, status: 'in_progress', ...own(ms) }));
  const accountability: RequestEvent[] = [];
  for (const period of sla.stoppedPeriods) {
    if (period.notAccountable) {
      accountability.push({ kind: 'accountability-changed', at: period.fromMs, notAccountable: true });
      if (period.toMs !== null) accountability.push({ kind: 'accountability-changed', at: period.toMs, notAccountable: false });
      continue;
    }
    put(period.toMs, 1, (ms) => ({ kind: 'status-changed', at: ms, status: 'assigned', ...own(ms) }));
    put(period.fromMs, 2, (ms) =>
      near(asksAtMs, ms)
        ? { kind: 'status-changed', at: ms, status: 'waiting_for_customer', reason: 'incomplete_request', by: 'worker' }
        : { kind: 'status-changed', at: ms, status: 'waiting_for_customer' },
    );
  }
  if (status === 'completed') put(sla.actualResolutionAtMs, 3, (ms) => ({ kind: 'status-changed', at: ms, status: 'completed' }));
  const statusEvents = [...at.entries()].sort(([a], [b]) => a - b).map(([, e]) => e.event);
  return [...statusEvents, ...accountability]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}

function lastFactsVersion(notes: RequestHistoryInput['notes'], id: string): number {
  const pattern = new RegExp(`\\[${escape(NOTE_MARKER_PREFIX)}facts:${escape(id)}:(\\d+)\\]`, 'g');
  return notes.reduce((max, note) => Math.max(max, ...[...note.text.matchAll(pattern)].map((m) => Number(m[1]))), 0);
}

/** Escalations in the order their notes were written; markers inside one note in text order. */
function escalationsOf(notes: RequestHistoryInput['notes'], id: string): EscalationRecord[] {
  const pattern = new RegExp(`\\[${escape(NOTE_MARKER_PREFIX)}esc:${escape(id)}:([a-z_]+):([a-z_0-9]+)\\]`, 'g');
  const ordered = [...notes].sort((a, b) => (a.createdAtMs ?? 0) - (b.createdAtMs ?? 0));
  const seen = new Set<string>();
  const records: EscalationRecord[] = [];
  for (const note of ordered) {
    for (const [, first, second] of note.text.matchAll(pattern)) {
      const key = `${first}:${second}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const breakFix = key === 'xurrent:break_fix';
      // A customer escalation (§2.8) has no target; the next reconcile re-derives its date and writer from the customer's note.
      const customer = first === 'customer';
      records.push({
        key,
        level: breakFix ? 'xurrent' : (second as EscalationLevel),
        target: breakFix || customer ? null : (first as TargetKind),
        atMs: note.createdAtMs ?? 0,
        ...(customer
          ? { reason: 'customer' as const, personId: null }
          : breakFix || second === 'warning'
            ? {}
            : { reason: 'breach' as const }),
      });
    }
  }
  return records;
}
