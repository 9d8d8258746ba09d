import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { FormatInstant } from '../notes/ticket-facts.js';

export interface SolvedProblem {
  id: string;
  label: string;
  subject: string;
  status: string;
  /** Epoch ms, when Xurrent recorded it. */
  solvedAtMs: number | null;
  knownError: boolean;
  workaround: string | null;
  /** The linked incidents with the texts of their notes. */
  incidents: readonly { id: string; noteTexts: readonly string[] }[];
}

export interface OutcomeNote {
  requestId: string;
  internalNote: string;
}

/**
 * Once a problem is solved, every linked incident gets one internal note with the outcome (the
 * marker keeps it to one, even when the event comes twice). Nothing for a problem still open.
 */
export function planOutcomeNotes(problem: SolvedProblem, format: FormatInstant): OutcomeNote[] {
  if (problem.status !== 'solved') return [];
  const marker = noteMarker('problem-solved', problem.id);
  const text = [
    `Support worker: problem ${problem.label} (${problem.subject}) is solved${problem.solvedAtMs === null ? '' : ` since ${format(problem.solvedAtMs)}`}; its root-cause analysis is on the problem.`,
    problem.knownError ? 'The cause is recorded as a known error.' : null,
    problem.workaround ? `Workaround: ${problem.workaround}` : null,
    marker,
  ].filter((line): line is string => line !== null);
  return problem.incidents.filter((i) => !hasMarker(i.noteTexts, marker)).map((i) => ({ requestId: i.id, internalNote: text.join('\n') }));
}
