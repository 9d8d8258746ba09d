import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { DeliveryRejected } from './rejection.js';

const OpenIdConfigurationSchema = z.looseObject({ jwks_uri: z.url({ protocol: /^https$/ }) });
const HOUR_MS = 60 * 60 * 1_000;
const MAX_ISSUERS = 32;

export interface KeyDiscoveryDeps {
  /** `https://<account>.<domain>`: discovery never leaves this host. */
  accountUrl: string;
  fetch: typeof globalThis.fetch;
}

/**
 * OpenID discovery of a webhook policy's keys: `<iss>/.well-known/openid-configuration`, then its
 * `jwks_uri` (https, same host, no redirects), cached up to an hour; jose picks the key by `kid`.
 * The issuer must already have been accepted, so only our account's host is ever fetched.
 */
export function createKeyDiscovery({ accountUrl, fetch }: KeyDiscoveryDeps) {
  const host = new URL(accountUrl).host;
  const keySets = new Map<string, JWTVerifyGetKey>();

  async function discover(issuer: string): Promise<JWTVerifyGetKey> {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { redirect: 'error', signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`openid-configuration answered ${response.status}`);
    const parsed = OpenIdConfigurationSchema.safeParse(await response.json());
    if (!parsed.success) throw new DeliveryRejected('unauthorized', 'openid-configuration has no https jwks_uri');
    const jwksUri = new URL(parsed.data.jwks_uri);
    if (jwksUri.host !== host) throw new DeliveryRejected('unauthorized', `jwks_uri is on another host (${jwksUri.host})`);
    const fetchJwks = (url: string, options: RequestInit) => fetch(url, { ...options, redirect: 'error' });
    return createRemoteJWKSet(jwksUri, { cacheMaxAge: HOUR_MS, cooldownDuration: 30_000, timeoutDuration: 5_000, [customFetch]: fetchJwks });
  }

  /** The key set of an accepted issuer; a failure to reach Xurrent is "unavailable", not the sender's fault. */
  return async function keySetFor(issuer: string): Promise<JWTVerifyGetKey> {
    const cached = keySets.get(issuer);
    if (cached) return cached;
    try {
      const keySet = await discover(issuer);
      if (keySets.size >= MAX_ISSUERS) keySets.clear();
      keySets.set(issuer, keySet);
      return keySet;
    } catch (error) {
      if (error instanceof DeliveryRejected) throw error;
      throw new DeliveryRejected('unavailable', `key discovery failed: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
    }
  };
}
export type KeySetFor = ReturnType<typeof createKeyDiscovery>;
