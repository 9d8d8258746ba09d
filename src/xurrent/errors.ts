import { ClientError } from 'graphql-request';
import { RateLimitedError, XurrentApiError, type PayloadErrorEntry } from '../errors.js';

export const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * Maps a failed call to the service's error classes, where the retry decision is made:
 * 429/503 → RateLimitedError (pause the queue); 5xx, timeouts, network failures → retriable;
 * 401/403, other 4xx and GraphQL errors in a 200 → not retriable. (docs/xurrent-api.md#errors-and-http-statuses)
 */
export function toXurrentError(
  error: unknown,
  context: { operation: string; timeoutMs: number; now?: number; defaultRetryAfterMs?: number },
): Error {
  const what = `Xurrent ${context.operation}`;
  if (error instanceof ClientError) {
    const { status, headers } = error.response;
    if (status === 429 || status === 503) {
      return new RateLimitedError(parseRetryAfterMs(headers?.get('retry-after') ?? null, context.now, context.defaultRetryAfterMs), {
        cause: error,
      });
    }
    const graphqlErrors = (error.response.errors ?? []).map((e) => ({ message: e.message, ...(e.path ? { path: e.path } : {}) }));
    const reason = status === 200 ? `GraphQL errors: ${graphqlErrors.map((e) => e.message).join('; ')}` : `HTTP ${status}`;
    const hint = status === 401 || status === 403 ? ' (check XURRENT_TOKEN or the OAuth client and its scopes)' : '';
    return new XurrentApiError(`${what} failed: ${reason}${hint}`, { status, graphqlErrors, retriable: status >= 500 }, { cause: error });
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new XurrentApiError(`${what} timed out after ${context.timeoutMs} ms`, { retriable: true }, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new XurrentApiError(`${what} failed: ${message}`, { retriable: true }, { cause: error });
}

/** `Retry-After` in seconds or as an HTTP date; `fallbackMs` (60 s) when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now = Date.now(), fallbackMs = DEFAULT_RETRY_AFTER_MS): number {
  const value = header?.trim() ?? '';
  if (value === '') return fallbackMs;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - now);
}

/** Non-empty `errors` of any mutation payload in `data` (every payload implements MutationPayload). */
export function payloadErrorsOf(data: unknown): PayloadErrorEntry[] {
  if (!data || typeof data !== 'object') return [];
  const found: PayloadErrorEntry[] = [];
  for (const payload of Object.values(data as Record<string, unknown>)) {
    const errors = payload && typeof payload === 'object' ? (payload as { errors?: unknown }).errors : undefined;
    if (!Array.isArray(errors)) continue;
    for (const entry of errors as { message?: unknown; path?: unknown }[]) {
      const path = Array.isArray(entry.path) ? entry.path.map(String) : [];
      found.push({ message: typeof entry.message === 'string' ? entry.message : 'invalid', path });
    }
  }
  return found;
}
