import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { DeliveryRejected } from './rejection.js';

const OpenIdConfigurationSchema = z.looseObject({ jwks_uri: z.url({ protocol: /^https$/ }) });
const HOUR_MS = 60 * 60 * 1_000;
const MINUTE_MS = 60 * 1_000;
/** A failed discovery is answered from memory this long: a made-up policy name costs Xurrent one fetch, not one per delivery. */
export const DISCOVERY_FAILURE_TTL_MS = 5 * MINUTE_MS;
const MAX_ISSUERS = 32;
const MAX_REMEMBERED_FAILURES = 1_000;

export interface KeyDiscoveryDeps {
  /** `https://<account>.<domain>`: discovery never leaves this host. */
  accountUrl: string;
  fetch: typeof globalThis.fetch;
  /** Discoveries (fetches for an issuer neither cached nor in flight) started per minute at most. */
  perMinute: number;
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
}

/**
 * OpenID discovery of a webhook policy's keys: `<iss>/.well-known/openid-configuration`, then its
 * `jwks_uri` (https, same host, no redirects), cached up to an hour; jose picks the key by `kid`.
 * The issuer must already have been accepted, so only our account's host is ever fetched. As the
 * issuer comes from a token not yet verified, the fetches are bounded: concurrent lookups of one
 * issuer share one fetch, a failure is remembered for DISCOVERY_FAILURE_TTL_MS, and at most
 * `perMinute` discoveries start per minute (beyond: 503, so Xurrent retries a real delivery later).
 */
export function createKeyDiscovery({ accountUrl, fetch, perMinute, now = Date.now }: KeyDiscoveryDeps) {
  const host = new URL(accountUrl).host;
  const keySets = new Map<string, JWTVerifyGetKey>();
  const failures = new Map<string, { until: number; rejection: DeliveryRejected }>();
  const inFlight = new Map<string, Promise<JWTVerifyGetKey>>();
  let windowStart = Number.NEGATIVE_INFINITY;
  let startedInWindow = 0;

  async function discover(issuer: string): Promise<JWTVerifyGetKey> {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { redirect: 'error', signal: AbortSignal.timeout(5_000) });
    // No document for this issuer: a policy that does not exist (or no longer does), not an outage.
    if (response.status === 404 || response.status === 410)
      throw new DeliveryRejected('unauthorized', `openid-configuration answered ${response.status}`);
    if (!response.ok) throw new Error(`openid-configuration answered ${response.status}`);
    const parsed = OpenIdConfigurationSchema.safeParse(await response.json());
    if (!parsed.success) throw new DeliveryRejected('unauthorized', 'openid-configuration has no https jwks_uri');
    const jwksUri = new URL(parsed.data.jwks_uri);
    if (jwksUri.host !== host) throw new DeliveryRejected('unauthorized', `jwks_uri is on another host (${jwksUri.host})`);
    const fetchJwks = (url: string, options: RequestInit) => fetch(url, { ...options, redirect: 'error' });
    return createRemoteJWKSet(jwksUri, {
      cacheMaxAge: HOUR_MS,
      cooldownDuration: 30_000,
      timeoutDuration: 5_000,
      [customFetch]: fetchJwks,
    });
  }

  function mayStartDiscovery(at: number): boolean {
    if (at - windowStart >= MINUTE_MS) {
      windowStart = at;
      startedInWindow = 0;
    }
    if (startedInWindow >= perMinute) return false;
    startedInWindow += 1;
    return true;
  }

  function rememberFailure(issuer: string, rejection: DeliveryRejected, at: number): void {
    if (failures.size >= MAX_REMEMBERED_FAILURES) {
      for (const [known, failure] of failures) if (failure.until <= at) failures.delete(known);
      if (failures.size >= MAX_REMEMBERED_FAILURES) failures.clear();
    }
    failures.set(issuer, { until: at + DISCOVERY_FAILURE_TTL_MS, rejection });
  }

  /** The key set of an accepted issuer; a failure to reach Xurrent is "unavailable", not the sender's fault. */
  return function keySetFor(issuer: string): Promise<JWTVerifyGetKey> {
    const cached = keySets.get(issuer);
    if (cached) return Promise.resolve(cached);
    const at = now();
    const failure = failures.get(issuer);
    if (failure && failure.until > at) return Promise.reject(failure.rejection);
    const pending = inFlight.get(issuer);
    if (pending) return pending;
    if (!mayStartDiscovery(at))
      return Promise.reject(new DeliveryRejected('unavailable', `key discovery cap reached (${perMinute} per minute)`));
    const discovery = discover(issuer).then(
      (keySet) => {
        if (keySets.size >= MAX_ISSUERS) keySets.clear();
        keySets.set(issuer, keySet);
        failures.delete(issuer);
        return keySet;
      },
      (error: unknown) => {
        const rejection =
          error instanceof DeliveryRejected
            ? error
            : new DeliveryRejected(
                'unavailable',
                `key discovery failed: ${error instanceof Error ? error.message : String(error)}`,
                undefined,
                { cause: error },
              );
        rememberFailure(issuer, rejection, now());
        throw rejection;
      },
    );
    const shared = discovery.finally(() => inFlight.delete(issuer));
    inFlight.set(issuer, shared);
    return shared;
  };
}
export type KeySetFor = ReturnType<typeof createKeyDiscovery>;
