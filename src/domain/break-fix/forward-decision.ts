import { noteAuthor, type AuthoredNote, type AuthorshipContext } from '../notes/note-signals.js';
import { findCues } from '../text/match-cues.js';

/**
 * §4: for the Xurrent Service the provider is level 1, and "every request needing a higher level is
 * forwarded to Xurrent". Who decides that a request needs more is an agent of the provider: the
 * first note (public or internal) by a provider person holding a tag of `XURRENT_ESCALATION_TAGS`
 * is the decision, at that note's time. The worker's and the customer's notes never decide it.
 * Read from the notes, so a live reconcile, the sweep and a rebuild find the same instant.
 */
export function agentForwardAtMs(notes: readonly AuthoredNote[], ctx: AuthorshipContext, tags: readonly string[]): number | null {
  const decisions = notes
    .filter(
      (n): n is AuthoredNote & { createdAtMs: number } =>
        n.createdAtMs !== null && noteAuthor(n, ctx) === 'provider' && findCues(n.text, tags).length > 0,
    )
    .map((n) => n.createdAtMs);
  return decisions.length > 0 ? Math.min(...decisions) : null;
}
