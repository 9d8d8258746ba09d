/** One call the simulator received, as tests and the demo inspect it. Authorization is redacted. */
export interface SimCall {
  /** Arrival time, epoch milliseconds. */
  at: number;
  kind: 'query' | 'mutation' | 'oauth' | 'invalid';
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** Request headers, lower-case names; `authorization` shows only the scheme. */
  headers: Record<string, string>;
  /** A short, stable label of the bearer token (never the token), to count calls per token. */
  tokenLabel: string | undefined;
  status: number;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' ? text.replace(/^(\S+)\s+.*$/, '$1 [REDACTED]') : text;
  }
  return out;
}

/** The largest number of calls of one token that arrived within any `windowMs` span. */
export function maxCallsInWindow(calls: readonly SimCall[], windowMs: number, tokenLabel?: string): number {
  const times = calls
    .filter((c) => c.kind !== 'oauth' && (tokenLabel === undefined || c.tokenLabel === tokenLabel))
    .map((c) => c.at)
    .sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
