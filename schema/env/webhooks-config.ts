import { createPublicKey } from 'node:crypto';
import type { EnvOf } from './fields.js';
import type { EnvProblem } from './section.js';
import type { webhookEnvShape } from './webhooks.js';

type WebhookEnv = EnvOf<typeof webhookEnvShape>;

/** The only signing algorithms a Xurrent webhook policy may use with us: never `none` or HMAC. */
export const WEBHOOK_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type WebhookAlgorithm = (typeof WEBHOOK_ALGORITHMS)[number];

export interface WebhookConfig {
  maxBytes: number;
  dedupTtlSeconds: number;
  requireSignature: boolean;
  /** PEM public keys (several allow rotation); empty when none is configured. */
  publicKeys: readonly string[];
  algorithms: readonly WebhookAlgorithm[];
  audience: string | undefined;
  /** Refuse tokens without `exp` (for webhook policies that set jwtClaimExpiresIn). */
  requireExp: boolean;
  discoverKeys: boolean;
  /** Key discoveries (fetches for an issuer not yet cached) allowed per minute. */
  discoveriesPerMinute: number;
  /** `https://<account>.<domain>`: the issuer of our account; undefined without XURRENT_ACCOUNT. */
  accountUrl: string | undefined;
  /** Domains a `webhook.verify` callback may be on (as `<account>.<domain>`): XURRENT_DOMAIN, then XURRENT_WEBHOOK_CALLBACK_DOMAINS. */
  callbackDomains: readonly string[];
  /** Accounts whose events we accept: ours, then the customers'. */
  accounts: readonly string[];
}

/** PEM blocks of a variable (literal `\n` accepted), or undefined when any block is not an RSA/EC public key. */
export function parsePublicKeys(text: string): string[] | undefined {
  const normalised = text.replace(/\\n/g, '\n').replace(/\r\n/g, '\n');
  const blocks = normalised.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) return undefined;
  try {
    return blocks.every((pem) => ['rsa', 'ec'].includes(createPublicKey(pem).asymmetricKeyType ?? '')) ? blocks : undefined;
  } catch {
    return undefined;
  }
}

/** A DNS name with at least two labels and a non-numeric top label, so never an IP address. */
export function isDomainName(text: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(text);
}

export function parseAlgorithmList(text: string): WebhookAlgorithm[] | undefined {
  const names = text.split(',').map((name) => name.trim().toUpperCase()).filter(Boolean);
  const allowed = new Set<string>(WEBHOOK_ALGORITHMS);
  if (names.length === 0 || !names.every((name) => allowed.has(name))) return undefined;
  return [...new Set(names)] as WebhookAlgorithm[];
}

/** Webhook settings taken together: a required signature needs a key source and an issuer. */
export function checkWebhookEnv(env: WebhookEnv, raw: Record<string, string | undefined>): EnvProblem[] {
  const problems: EnvProblem[] = [];
  const production = raw['NODE_ENV'] === 'production';
  const hasKeySource = Boolean(env.XURRENT_WEBHOOK_PUBLIC_KEY) || env.XURRENT_WEBHOOK_JWKS === 'discover';
  if (production && !env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE) {
    problems.push({ key: 'XURRENT_WEBHOOK_REQUIRE_SIGNATURE', message: 'must not be false in production: unsigned webhooks would let anyone who reaches the service inject events' });
  }
  // Without an audience, a token Xurrent signed for another receiver of the same account would verify here too.
  if (production && env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE && !env.XURRENT_WEBHOOK_AUDIENCE) {
    problems.push({ key: 'XURRENT_WEBHOOK_AUDIENCE', message: "is required in production: set the webhook policy's JWT audience and the same value here" });
  }
  if (production && env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE && !hasKeySource) {
    problems.push({
      key: 'XURRENT_WEBHOOK_PUBLIC_KEY',
      message: 'is required in production while XURRENT_WEBHOOK_REQUIRE_SIGNATURE is true (or set XURRENT_WEBHOOK_JWKS=discover)',
    });
  }
  if (hasKeySource && !raw['XURRENT_ACCOUNT']?.trim()) {
    problems.push({ key: 'XURRENT_ACCOUNT', message: 'is required to check the issuer of signed webhooks' });
  }
  return problems;
}

export function toWebhookConfig(env: WebhookEnv & { XURRENT_ACCOUNT?: string | undefined; XURRENT_DOMAIN: string }): WebhookConfig {
  const account = env.XURRENT_ACCOUNT?.trim().toLowerCase();
  const domains = [env.XURRENT_DOMAIN, ...env.XURRENT_WEBHOOK_CALLBACK_DOMAINS.split(',')].map((d) => d.trim().toLowerCase()).filter(Boolean);
  const customers = env.XURRENT_CUSTOMER_ACCOUNTS.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
  return {
    maxBytes: env.WEBHOOK_MAX_BYTES,
    dedupTtlSeconds: env.WEBHOOK_DEDUP_TTL_SECONDS,
    requireSignature: env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE,
    publicKeys: env.XURRENT_WEBHOOK_PUBLIC_KEY ? (parsePublicKeys(env.XURRENT_WEBHOOK_PUBLIC_KEY) ?? []) : [],
    algorithms: parseAlgorithmList(env.XURRENT_WEBHOOK_ALGORITHMS) ?? ['RS256'],
    audience: env.XURRENT_WEBHOOK_AUDIENCE,
    requireExp: env.XURRENT_WEBHOOK_REQUIRE_EXP,
    discoverKeys: env.XURRENT_WEBHOOK_JWKS === 'discover',
    discoveriesPerMinute: env.XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE,
    accountUrl: account ? `https://${account}.${env.XURRENT_DOMAIN.toLowerCase()}` : undefined,
    callbackDomains: [...new Set(domains)],
    accounts: [...new Set([...(account ? [account] : []), ...customers])],
  };
}
