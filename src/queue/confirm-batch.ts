import type { DeliveryMarkers } from './delivery-markers.js';

export type ConfirmFailed = (error: unknown, jobId: string) => void;

/** Enough for any burst, far below what one script call can carry. */
const MAX_KEYS_PER_CALL = 500;

/**
 * Confirms the markers of every delivery whose job was added in the same turn of the event loop
 * with one script call: one socket write and one reply instead of one per delivery (ingest bench:
 * a socket write is among the largest per-delivery costs). It runs after the answers; producer.ts
 * says why that is safe. A failed call is reported once per delivery it carried.
 */
export function createConfirmBatch(markers: DeliveryMarkers, onFailed: ConfirmFailed) {
  let keys: string[] = [];
  let jobKeys: string[] = [];
  let jobIds: string[] = [];
  const flush = () => {
    if (jobIds.length === 0) return;
    const batch = { keys, jobKeys, jobIds };
    [keys, jobKeys, jobIds] = [[], [], []];
    markers.confirm(batch.keys, batch.jobKeys).catch((error: unknown) => {
      for (const jobId of batch.jobIds) onFailed(error, jobId);
    });
  };
  return function confirmSoon(markerKeys: readonly string[], jobKey: string, jobId: string): void {
    if (jobIds.length === 0) setImmediate(flush);
    for (const key of markerKeys) {
      keys.push(key);
      jobKeys.push(jobKey);
    }
    jobIds.push(jobId);
    if (keys.length >= MAX_KEYS_PER_CALL) flush();
  };
}
