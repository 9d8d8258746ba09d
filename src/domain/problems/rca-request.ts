import { hasMarker, noteMarker } from '../notes/render-notes.js';
import { noteAuthor, type AuthoredNote, type AuthorshipContext } from '../notes/note-signals.js';
import type { TicketFacts } from '../notes/ticket-facts.js';
import { findCues } from '../text/match-cues.js';
import { computeRcaDueMs } from './rca-due.js';
import { rcaPromiseMarker, type RcaPromise } from './rca-promises.js';

/** The customer's written request for an RCA after a breach (§3.3), as the request's state keeps it. */
export interface RcaRequest {
  /** The customer's note, epoch ms: the month runs from here. */
  atMs: number;
  /** Who wrote it (personal data, removed by `privacy forget`). */
  personId: string | null;
}

export const rcaConfirmedMarker = (requestId: string) => noteMarker('rca-confirmed', requestId);
const noBreachMarker = (requestId: string) => noteMarker('rca-no-breach', requestId);

/** The earliest due instant of a breached target, or null when no target is breached. */
function breachedSinceMs(facts: TicketFacts): number | null {
  const dues = [
    facts.responseState === 'breached' ? facts.responseDueMs : null,
    facts.resolutionState === 'breached' ? facts.resolutionDueMs : null,
  ].filter((d): d is number => d !== null);
  return dues.length > 0 ? Math.min(...dues) : null;
}

/**
 * §3.3: "Na een SLT-overschrijding kan Klant schriftelijk verzoeken om een rapport": a note by the
 * customer's side holding an `RCA_REQUEST_CUES` cue, written at or after a breached target's due
 * instant, is the request (the first such note). A cue note without a breach before it gets an
 * internal note to first line instead (once): the contract promises nothing then, a person decides.
 * Derived from the notes and facts on every read.
 */
export function readRcaRequest(
  requestId: string,
  notes: readonly AuthoredNote[],
  noteTexts: readonly string[],
  facts: TicketFacts,
  ctx: AuthorshipContext,
  cues: readonly string[],
): { request: RcaRequest | null; firstLineNote: string | null } {
  const asks = notes
    .filter(
      (n): n is AuthoredNote & { createdAtMs: number } =>
        n.createdAtMs !== null && noteAuthor(n, ctx) === 'requester' && findCues(n.text, cues).length > 0,
    )
    .sort((a, b) => a.createdAtMs - b.createdAtMs);
  if (asks.length === 0) return { request: null, firstLineNote: null };
  const since = breachedSinceMs(facts);
  const afterBreach = since === null ? undefined : asks.find((n) => n.createdAtMs >= since);
  if (afterBreach) return { request: { atMs: afterBreach.createdAtMs, personId: afterBreach.personId }, firstLineNote: null };
  const marker = noBreachMarker(requestId);
  if (hasMarker(noteTexts, marker)) return { request: null, firstLineNote: null };
  const note = [
    'First line: the customer asks for a root-cause analysis (RCA), but no SLA target of this request was breached before that note.',
    "The contract (§3.3) promises an RCA on the customer's written request after a breach; no problem was opened. Decide with the customer whether one is needed.",
    marker,
  ].join('\n');
  return { request: null, firstLineNote: note };
}

export interface CustomerRcaTarget {
  /** The open problem to add the promise to (linked to the request, or the group's); null: open a new one. */
  problem: {
    id: string;
    label: string;
    analysisTargetAtMs: number | null;
    noteTexts: readonly string[];
    /** Reports already cover every promise on it (rca-coverage.ts): its target is spent. */
    rcaCovered?: boolean;
  } | null;
}

export interface CustomerRcaPlan {
  promise: RcaPromise;
  /** The problem already holds this promise: only the confirmation may be missing. */
  alreadyPromised: boolean;
  /** For an existing problem: the note and, when it moves earlier, the new RCA target. */
  problemNote: string;
  analysisTargetAt: string | null;
  /** The note to the requester: when the report is due. */
  confirmation: (problemLabel: string) => string;
}

/**
 * The customer's RCA request on a problem: the promise (due `RCA_DUE` after the customer's note),
 * the problem's note with its marker, the target moved earlier when needed (or later, past a spent target), and the confirmation
 * to the requester saying when the report is due (in `SUPPORT_LOCALE`).
 */
export function planCustomerRca(
  requestId: string,
  request: RcaRequest,
  target: CustomerRcaTarget,
  policy: { rcaDue: string; zone: string; format: (ms: number | null) => string; locale: 'en' | 'nl' },
): CustomerRcaPlan {
  const promise: RcaPromise = {
    reason: 'customer_request',
    subject: requestId,
    dueMs: computeRcaDueMs(request.atMs, policy.rcaDue, policy.zone),
  };
  const marker = rcaPromiseMarker(promise);
  const existing = target.problem;
  const alreadyPromised = existing !== null && hasMarker(existing.noteTexts, marker);
  // A target whose promises all have their report is spent: this promise's due becomes the target, even later.
  const moved =
    existing === null ||
    existing.analysisTargetAtMs === null ||
    existing.rcaCovered === true ||
    promise.dueMs < existing.analysisTargetAtMs;
  const due = policy.format(promise.dueMs);
  return {
    promise,
    alreadyPromised,
    problemNote: [
      `Support worker: the customer asked in writing for a root-cause analysis after an SLA breach (§3.3); RCA report due ${due}.`,
      marker,
    ].join('\n'),
    analysisTargetAt: moved ? new Date(promise.dueMs).toISOString() : null,
    confirmation: (label) =>
      [
        policy.locale === 'nl'
          ? `Wij hebben uw verzoek om een hoofdoorzaakanalyse (RCA) geregistreerd bij probleem ${label}. Het RCA-rapport volgt uiterlijk ${due}.`
          : `We have registered your request for a root-cause analysis (RCA) on problem ${label}. The RCA report is due by ${due}.`,
        rcaConfirmedMarker(requestId),
      ].join('\n'),
  };
}
