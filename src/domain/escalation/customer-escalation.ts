import { hasMarker, noteMarker } from '../notes/render-notes.js';
import { noteAuthor, type AuthoredNote, type AuthorshipContext } from '../notes/note-signals.js';
import { findCues } from '../text/match-cues.js';
import type { EscalationRecord } from '../workflow/workflow-state.js';

/** The customer's escalation path (§2.8): first the Service Support Manager, then the CTO. */
const CUSTOMER_LEVELS = ['service_support_manager', 'cto'] as const;
export const customerEscalationKey = (level: (typeof CUSTOMER_LEVELS)[number]) => `customer:${level}`;

export interface CustomerEscalationPolicy {
  /** `ESCALATION_CUES`. */
  cues: readonly string[];
  serviceSupportManagerId: string | null;
  ctoId: string | null;
  mode: 'watch' | 'assign';
}

export interface CustomerEscalationPlan {
  /** Every customer escalation of the request, derived from its notes (at most two), in order. */
  records: EscalationRecord[];
  notes: string[];
  watchers: string[];
  assignee: string | null;
}

/**
 * §2.8 "Bij geschillen en/of escalaties": the customer escalates by writing so. Each requester's
 * note (the customer's side, note-signals.ts) holding an `ESCALATION_CUES` cue is one escalation:
 * the first to the Service Support Manager, the second to the CTO; later ones add nothing (the CTO
 * is the last level). The request's first note is its description (registration, not an
 * escalation) and never counts. Derived from the notes on every read, dated at the customer's note
 * and naming its writer, so a live reconcile, the sweep and a rebuild reach the same records.
 * Kept apart from the breach ladder (`reason: "customer"` against `"breach"`): a customer
 * escalation after the ladder reached the SSM is still the customer's, noted to that person again.
 * Each note is written once (marker per level).
 */
export function planCustomerEscalations(
  requestId: string,
  notes: readonly AuthoredNote[],
  noteTexts: readonly string[],
  ctx: AuthorshipContext,
  policy: CustomerEscalationPolicy,
): CustomerEscalationPlan {
  const dated = notes
    .filter((n): n is AuthoredNote & { createdAtMs: number } => n.createdAtMs !== null)
    .sort((a, b) => a.createdAtMs - b.createdAtMs);
  const description = dated[0];
  const escalating = dated.filter(
    (n) => n !== description && noteAuthor(n, ctx) === 'requester' && findCues(n.text, policy.cues).length > 0,
  );
  const plan: CustomerEscalationPlan = { records: [], notes: [], watchers: [], assignee: null };
  CUSTOMER_LEVELS.forEach((level, index) => {
    const note = escalating[index];
    if (!note) return;
    const key = customerEscalationKey(level);
    plan.records.push({ key, level, target: null, atMs: note.createdAtMs, reason: 'customer', personId: note.personId });
    const marker = noteMarker('esc', `${requestId}:${key}`);
    if (hasMarker(noteTexts, marker)) return;
    const personId = level === 'cto' ? policy.ctoId : policy.serviceSupportManagerId;
    const title = level === 'cto' ? 'Customer escalation, second (CTO)' : 'Customer escalation, first (Service Support Manager)';
    const lines = [`${title}, contract §2.8: the customer asked to escalate this request in their note.`];
    if (personId) lines.push(policy.mode === 'assign' ? `Assigned to person ${personId}.` : `Person ${personId} added as watcher.`);
    else lines.push('No person is configured for this level.');
    lines.push(marker);
    plan.notes.push(lines.join('\n'));
    if (personId && policy.mode === 'watch') plan.watchers.push(personId);
    if (personId && policy.mode === 'assign') plan.assignee = personId;
  });
  return plan;
}

/** The request's escalations with its customer escalations replaced by the ones derived now (same place; new ones appended). */
export function withCustomerEscalations(previous: readonly EscalationRecord[], derived: readonly EscalationRecord[]): EscalationRecord[] {
  const byKey = new Map(derived.map((r) => [r.key, r]));
  const kept = previous.flatMap((r) =>
    r.reason === 'customer' || r.key.startsWith('customer:') ? (byKey.has(r.key) ? [byKey.get(r.key) as EscalationRecord] : []) : [r],
  );
  const present = new Set(kept.map((r) => r.key));
  return [...kept, ...derived.filter((r) => !present.has(r.key))];
}
