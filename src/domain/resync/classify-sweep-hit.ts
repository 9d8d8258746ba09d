/** What the worker last knew of a request the sweep found changed (from its saved state). */
export interface KnownRequest {
  observedUpdatedAtMs: number | null;
  /** The request's `updatedAt` after the worker's own last write. */
  lastWriteAtMs: number | null;
}

export type SweepHit = 'known' | 'reconcile' | 'missed-webhook';

/**
 * A request the sweep found changed since its mark: `known` when the worker already saw this
 * version; else it is reconciled, and counts as a missed webhook when the change is older than the
 * grace period and was not the worker's own write (that needs no webhook to be seen).
 */
export function classifySweepHit(
  known: KnownRequest | null,
  updatedAtMs: number,
  sweepStartedAtMs: number,
  webhookGraceMs: number,
): SweepHit {
  if (known?.observedUpdatedAtMs != null && known.observedUpdatedAtMs >= updatedAtMs) return 'known';
  const ownWrite = (known?.lastWriteAtMs ?? Number.NEGATIVE_INFINITY) >= updatedAtMs;
  return !ownWrite && updatedAtMs <= sweepStartedAtMs - webhookGraceMs ? 'missed-webhook' : 'reconcile';
}
