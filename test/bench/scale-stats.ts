/**
 * The scale bench's arithmetic, kept pure so it is unit-tested apart from any timing: percentiles,
 * the first instant each job reached a state in a BullMQ event stream, and latencies matched to them.
 */

export interface Spread {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (as the timers bench reports them); zeros for no values. */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] ?? 0 };
}

/** An entry of `XRANGE <queue.keys.events>`: stream id (`<ms>-<seq>`, Redis server time) and field/value pairs. */
export type StreamEntry = [id: string, fields: string[]];

/** When each job first reached `event` ('active', 'completed', …), by job id, in Redis server time (ms). */
export function firstEventAt(entries: readonly StreamEntry[], event: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const [streamId, fields] of entries) {
    const field = (name: string) => {
      const at = fields.indexOf(name);
      return at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
    };
    const jobId = field('jobId');
    const at = Number(streamId.split('-')[0]);
    if (field('event') === event && jobId !== undefined && !((first.get(jobId) ?? Infinity) <= at)) first.set(jobId, at);
  }
  return first;
}

/** How late each job went active after it was due; jobs that never went active are left out (counted by the caller). */
export function latenessOf(due: ReadonlyMap<string, number>, activeAt: ReadonlyMap<string, number>): number[] {
  const late: number[] = [];
  for (const [jobId, dueAt] of due) {
    const at = activeAt.get(jobId);
    if (at !== undefined) late.push(at - dueAt);
  }
  return late;
}

export interface SentEvent {
  requestNodeId: string;
  sentAt: number;
}

/**
 * Each sent event's latency: from when it was sent to the first completion, at or after it, of a
 * reconcile of its request. `completions` are (request, completed-at) pairs in any order; an event
 * with none after it is left out (the caller counts it as unanswered).
 */
export function reconcileLatencies(sent: readonly SentEvent[], completions: readonly { requestNodeId: string; at: number }[]): number[] {
  const byRequest = new Map<string, number[]>();
  for (const { requestNodeId, at } of completions) byRequest.set(requestNodeId, [...(byRequest.get(requestNodeId) ?? []), at]);
  for (const times of byRequest.values()) times.sort((a, b) => a - b);
  return sent.flatMap(({ requestNodeId, sentAt }) => {
    const done = byRequest.get(requestNodeId)?.find((at) => at >= sentAt);
    return done === undefined ? [] : [done - sentAt];
  });
}

/** `count` things in `windowMs`, as a rate per hour. */
export const perHour = (count: number, windowMs: number): number => (windowMs > 0 ? (count * 3_600_000) / windowMs : 0);
