import type { XurrentConfig } from '../../schema/env/xurrent.js';
import { XurrentApiError } from '../errors.js';

const RENEW_BEFORE_MS = 2 * 60_000;

export interface TokenProvider {
  (): Promise<string>;
  /** Drops a cached OAuth token Xurrent refused (tokens die early when an application is disabled); false for a PAT. */
  invalidate(token: string): boolean;
}

/**
 * Returns a bearer token: the personal access token as is, or an OAuth client-credentials token
 * cached until two minutes before it expires. Concurrent callers share one refresh.
 */
export function createTokenProvider(deps: { config: XurrentConfig; fetch: typeof globalThis.fetch; now?: () => number }): TokenProvider {
  const { config, fetch } = deps;
  const now = deps.now ?? Date.now;
  const auth = config.auth;
  if (auth.kind === 'token') return Object.assign(async () => auth.token, { invalidate: () => false });

  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const refresh = async (): Promise<string> => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    const response = await fetch(config.oauthTokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!response.ok) {
      throw new XurrentApiError(`Xurrent OAuth token request answered HTTP ${response.status}`, {
        status: response.status,
        retriable: response.status >= 500 || response.status === 429,
      });
    }
    const json = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') {
      throw new XurrentApiError('Xurrent OAuth token response had no access_token', { retriable: false });
    }
    const lifetimeMs = (typeof json.expires_in === 'number' ? json.expires_in : 3600) * 1000;
    cached = { token: json.access_token, renewAt: now() + lifetimeMs - RENEW_BEFORE_MS };
    return json.access_token;
  };

  const get = async () => {
    if (cached && now() < cached.renewAt) return cached.token;
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const invalidate = (token: string) => {
    if (cached?.token === token) cached = undefined; // else a parallel caller already replaced it
    return true;
  };
  return Object.assign(get, { invalidate });
}
