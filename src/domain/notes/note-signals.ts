import { findCues } from '../text/match-cues.js';
import { NOTE_MARKER_PREFIX } from './render-notes.js';

/** A request's note with what tells who wrote it (Xurrent's `Note.person`, `Note.account`). Instants in epoch ms. */
export interface AuthoredNote {
  text: string;
  createdAtMs: number | null;
  internal: boolean;
  personId: string | null;
  /** The account the note was written in (`Note.account`, else the person's `Person.account`); null when unknown. */
  accountId: string | null;
}

/**
 * Who wrote a note, as the contract cares:
 * - `worker`: the support worker itself (its notes carry a marker; any note by the person who wrote a marked note is its API user's);
 * - `provider`: a person of the provider (`XURRENT_ACCOUNT`), not the worker;
 * - `requester`: anyone else (the customer's people).
 * Without a known provider account or note account, a person who is not one of the request's
 * requesters (requested for/by, created by) counts as the provider's: a request's notes come from
 * its requesters and the people working it.
 */
export type NoteAuthor = 'worker' | 'provider' | 'requester';

export interface AuthorshipContext {
  providerAccountId: string | null;
  /** The worker's own API user(s): persons of notes carrying the worker's marker. */
  workerPersonIds: ReadonlySet<string>;
  /** The request's requested-for, requested-by and created-by persons. */
  requesterIds: ReadonlySet<string>;
}

const isMarked = (text: string) => text.includes(`[${NOTE_MARKER_PREFIX}`);

/** The worker's API user(s), learned from its own marked notes (no configuration needed). */
export function workerPersonIdsOf(notes: readonly AuthoredNote[]): Set<string> {
  return new Set(notes.flatMap((n) => (n.personId && isMarked(n.text) ? [n.personId] : [])));
}

export function noteAuthor(note: AuthoredNote, ctx: AuthorshipContext): NoteAuthor {
  if (isMarked(note.text) || (note.personId !== null && ctx.workerPersonIds.has(note.personId))) return 'worker';
  if (ctx.providerAccountId !== null && note.accountId !== null) return note.accountId === ctx.providerAccountId ? 'provider' : 'requester';
  if (note.personId === null) return 'requester';
  return ctx.requesterIds.has(note.personId) ? 'requester' : 'provider';
}

/** A breach excused after the fact (§3.3: not the provider's doing); null when none stands. */
export interface Excuse {
  reason: string;
  /** The person who excused it (node id). */
  by: string;
  at: number;
}

export interface SignalTags {
  rootCause: readonly string[];
  excuse: readonly string[];
  unexcuse: readonly string[];
}

export interface NoteSignals {
  /** The first public note of a provider person: the response under the person rule. */
  respondedAtMs: number | null;
  /** The first provider person's note (public or internal) holding a root-cause tag. */
  rootCauseAtMs: number | null;
  /** The latest excuse standing (a later `#unexcused` withdraws it). */
  excused: Excuse | null;
}

/**
 * What the request's notes tell the SLA rules; the same on every read (live, sweep or rebuild),
 * since the notes and their authors are Xurrent's. Only provider persons' notes count; tags match
 * as whole words, any case, not negated (match-cues.ts). An excuse needs a reason after its tag.
 */
export function readNoteSignals(notes: readonly AuthoredNote[], ctx: AuthorshipContext, tags: SignalTags): NoteSignals {
  const provider = notes
    .filter((n): n is AuthoredNote & { createdAtMs: number } => n.createdAtMs !== null && noteAuthor(n, ctx) === 'provider')
    .sort((a, b) => a.createdAtMs - b.createdAtMs);
  const respondedAtMs = provider.find((n) => !n.internal)?.createdAtMs ?? null;
  const rootCauseAtMs = provider.find((n) => findCues(n.text, tags.rootCause).length > 0)?.createdAtMs ?? null;
  let excused: Excuse | null = null;
  for (const note of provider) {
    const excuses = findCues(note.text, tags.excuse);
    const withdrawals = findCues(note.text, tags.unexcuse);
    const lastExcuse = excuses.at(-1);
    const lastWithdrawal = withdrawals.at(-1);
    if (lastWithdrawal && (!lastExcuse || lastWithdrawal.start > lastExcuse.start)) {
      excused = null;
      continue;
    }
    if (!lastExcuse) continue;
    const reason = (note.text.slice(lastExcuse.end).split('\n')[0] ?? '').replace(/^[\s:–-]+/, '').trim();
    if (reason && note.personId) excused = { reason, by: note.personId, at: note.createdAtMs };
  }
  return { respondedAtMs, rootCauseAtMs, excused };
}
