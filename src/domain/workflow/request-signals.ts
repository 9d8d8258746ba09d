import { NOTE_MARKER_PREFIX, noteMarker } from '../notes/render-notes.js';
import type { RequestEvent } from '../sla/request-history.js';
import { respondedAtOf } from '../reports/records-of-history.js';
import type { RequestSnapshot } from './request-snapshot.js';

/** Problem statuses that mean the analysis found the cause (`analyzed` and what follows it). */
const ANALYZED: ReadonlySet<string> = new Set(['analyzed', 'change_requested', 'solved']);

/**
 * When the linked problem shows the root cause determined (§3.2): it reached `analyzed` (or a later
 * analysed status), or has a known error or a workaround. Xurrent keeps no date of that change on the
 * problem, so it is dated at the problem's `updatedAt` when first seen so, and never before the
 * request's registration (a problem analysed before the request was linked to it). Null otherwise.
 */
export function problemRootCauseAtMs(snapshot: Pick<RequestSnapshot, 'problem' | 'createdAtMs'>, nowMs: number): number | null {
  const problem = snapshot.problem;
  if (!problem) return null;
  const determined = (problem.status !== null && ANALYZED.has(problem.status)) || problem.knownError || Boolean(problem.workaround?.trim());
  if (!determined) return null;
  return Math.min(nowMs, Math.max(snapshot.createdAtMs, problem.updatedAtMs ?? nowMs));
}

export interface SignalInstants {
  /** A provider person's first public note. */
  respondedAtMs: number | null;
  /** A provider person's first note with a root-cause tag. */
  rootCauseAtMs: number | null;
  problemRootCauseAtMs: number | null;
}

/**
 * Adds what the notes and the linked problem say to the request's history: a `responded` event at
 * the provider person's first public note, a `root-cause-recorded` event at the first root-cause
 * signal. Only ever adds an event earlier than the one of its kind already there, so every read of
 * the same request (live, sweep, rebuild) converges on the same instants. Signals after completion
 * are kept but ignored by the clock (track-clocks.ts).
 */
export function withSignals(events: readonly RequestEvent[], signals: SignalInstants, nowMs: number): RequestEvent[] {
  const result = [...events];
  const earliest = (kind: RequestEvent['kind']) => Math.min(...result.filter((e) => e.kind === kind).map((e) => e.at));
  if (signals.respondedAtMs !== null && signals.respondedAtMs <= nowMs && signals.respondedAtMs < earliest('responded')) {
    result.push({ kind: 'responded', at: signals.respondedAtMs, via: 'note' });
  }
  const tag = signals.rootCauseAtMs;
  const problem = signals.problemRootCauseAtMs;
  const rootCause =
    tag !== null && (problem === null || tag <= problem)
      ? { at: tag, source: 'tag' as const }
      : problem !== null
        ? { at: problem, source: 'problem' as const }
        : null;
  if (rootCause && rootCause.at <= nowMs && rootCause.at < earliest('root-cause-recorded')) {
    result.push({ kind: 'root-cause-recorded', at: rootCause.at, source: rootCause.source });
  }
  return result;
}

const RESPONDED_KIND = 'responded';
const ROOT_CAUSE_KIND = 'rootcause';

/**
 * The instants the worker saw live and wrote down as markers on the request (`[xsw:responded:<id>:<ms>]`,
 * `[xsw:rootcause:<id>:<ms>]`), so a rebuild after a loss reads the very instants live processing
 * decided, even where Xurrent keeps no trace (a person's status change after the worker's own first
 * write; a problem analysed before it was last updated).
 */
export function readSignalMarkers(
  requestId: string,
  noteTexts: readonly string[],
): { respondedAtMs: number | null; rootCauseAtMs: number | null } {
  const find = (kind: string) => {
    const prefix = `[${NOTE_MARKER_PREFIX}${kind}:${requestId}:`;
    let found: number | null = null;
    for (const text of noteTexts) {
      let from = text.indexOf(prefix);
      while (from >= 0) {
        const end = text.indexOf(']', from);
        const ms = Number(text.slice(from + prefix.length, end));
        if (Number.isSafeInteger(ms) && (found === null || ms < found)) found = ms;
        from = text.indexOf(prefix, from + 1);
      }
    }
    return found;
  };
  return { respondedAtMs: find(RESPONDED_KIND), rootCauseAtMs: find(ROOT_CAUSE_KIND) };
}

/** The markers to write for instants decided now and not yet on the request (one line each). */
export function signalMarkersToWrite(
  requestId: string,
  decided: { respondedAtMs: number | null; rootCauseAtMs: number | null },
  noteTexts: readonly string[],
): string[] {
  const onRequest = readSignalMarkers(requestId, noteTexts);
  const lines: string[] = [];
  if (decided.respondedAtMs !== null && onRequest.respondedAtMs !== decided.respondedAtMs)
    lines.push(noteMarker(RESPONDED_KIND, `${requestId}:${decided.respondedAtMs}`));
  if (decided.rootCauseAtMs !== null && onRequest.rootCauseAtMs !== decided.rootCauseAtMs)
    lines.push(noteMarker(ROOT_CAUSE_KIND, `${requestId}:${decided.rootCauseAtMs}`));
  return lines;
}

/** The response and the root cause that count, from the history (sorted), as the clock reads them. */
export function decidedSignals(
  events: readonly RequestEvent[],
  responseBy: 'person' | 'status',
): { respondedAtMs: number | null; rootCauseAtMs: number | null } {
  const ordered = [...events].sort((a, b) => a.at - b.at);
  let completed = false;
  let rootCauseAtMs: number | null = null;
  for (const event of ordered) {
    if (event.kind === 'status-changed') completed = event.status === 'completed';
    if (event.kind === 'root-cause-recorded' && !completed) {
      rootCauseAtMs = event.at;
      break;
    }
  }
  return { respondedAtMs: respondedAtOf(ordered, responseBy), rootCauseAtMs };
}
