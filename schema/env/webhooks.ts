import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { booleanWithDefault, enumWithDefault, intWithDefault, optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection, type EnvProblem, type FieldsOf, type RawEnv, type SectionFields } from './section.js';
import type { xurrentEnvSection } from './xurrent.js';

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
function parsePublicKeys(text: string): string[] | undefined {
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
function isDomainName(text: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(text);
}

function parseAlgorithmList(text: string): WebhookAlgorithm[] | undefined {
  const names = text
    .split(',')
    .map((name) => name.trim().toUpperCase())
    .filter(Boolean);
  const allowed = new Set<string>(WEBHOOK_ALGORITHMS);
  if (names.length === 0 || !names.every((name) => allowed.has(name))) return undefined;
  return [...new Set(names)] as WebhookAlgorithm[];
}

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** A comma-separated list, each entry trimmed and lower-cased, empty entries dropped. */
const lowerCaseList = (text: string) =>
  text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);

/** How webhook deliveries from Xurrent are authenticated, limited and deduplicated. */
const shape = {
  WEBHOOK_MAX_BYTES: intWithDefault(262_144, { min: 1_024, max: 10_485_760 }),
  WEBHOOK_DEDUP_TTL_SECONDS: intWithDefault(8 * 24 * 60 * 60, { min: WEEK_SECONDS, max: 90 * 24 * 60 * 60 }),
  XURRENT_WEBHOOK_REQUIRE_SIGNATURE: booleanWithDefault(true),
  XURRENT_WEBHOOK_PUBLIC_KEY: optionalString().transform((text, ctx) => {
    if (text === undefined) return undefined;
    const keys = parsePublicKeys(text);
    if (keys) return keys;
    ctx.addIssue({ code: 'custom', message: 'must be one or more RSA or EC public keys in PEM form (-----BEGIN PUBLIC KEY-----)' });
    return z.NEVER;
  }),
  XURRENT_WEBHOOK_ALGORITHMS: stringWithDefault('RS256').transform((text, ctx) => {
    const algorithms = parseAlgorithmList(text);
    if (algorithms) return algorithms;
    ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of RS256, RS384, RS512, ES256, ES384, ES512' });
    return z.NEVER;
  }),
  XURRENT_WEBHOOK_AUDIENCE: optionalString(),
  XURRENT_WEBHOOK_REQUIRE_EXP: booleanWithDefault(false),
  XURRENT_WEBHOOK_JWKS: enumWithDefault(['off', 'discover'], 'off'),
  XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE: intWithDefault(10, { min: 1, max: 600 }),
  XURRENT_WEBHOOK_CALLBACK_DOMAINS: stringWithDefault('')
    .refine(
      (text) => text.split(',').every((part) => part.trim() === '' || isDomainName(part.trim())),
      'must be a comma-separated list of domain names such as 4me.com (no scheme, port or IP address)',
    )
    .transform(lowerCaseList),
  XURRENT_CUSTOMER_ACCOUNTS: stringWithDefault('')
    .refine(
      (text) => text.split(',').every((part) => part.trim() === '' || /^[a-z0-9][a-z0-9-]{0,62}$/i.test(part.trim())),
      'must be a comma-separated list of Xurrent account ids',
    )
    .transform(lowerCaseList),
};
type WebhookEnv = FieldsOf<typeof shape>;

/** Webhook settings taken together: a required signature needs a key source and an issuer. */
function checkWebhookEnv(env: WebhookEnv, raw: RawEnv): EnvProblem[] {
  const problems: EnvProblem[] = [];
  const production = raw['NODE_ENV'] === 'production';
  const hasKeySource = env.XURRENT_WEBHOOK_PUBLIC_KEY !== undefined || env.XURRENT_WEBHOOK_JWKS === 'discover';
  if (production && !env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE) {
    problems.push({
      key: 'XURRENT_WEBHOOK_REQUIRE_SIGNATURE',
      message: 'must not be false in production: unsigned webhooks would let anyone who reaches the service inject events',
    });
  }
  // Without an audience, a token Xurrent signed for another receiver of the same account would verify here too.
  if (production && env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE && !env.XURRENT_WEBHOOK_AUDIENCE) {
    problems.push({
      key: 'XURRENT_WEBHOOK_AUDIENCE',
      message: "is required in production: set the webhook policy's JWT audience and the same value here",
    });
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

function toWebhookConfig(
  env: WebhookEnv & Pick<SectionFields<typeof xurrentEnvSection>, 'XURRENT_ACCOUNT' | 'XURRENT_DOMAIN'>,
): WebhookConfig {
  const account = env.XURRENT_ACCOUNT?.trim().toLowerCase();
  const domains = [env.XURRENT_DOMAIN.trim().toLowerCase(), ...env.XURRENT_WEBHOOK_CALLBACK_DOMAINS];
  return {
    maxBytes: env.WEBHOOK_MAX_BYTES,
    dedupTtlSeconds: env.WEBHOOK_DEDUP_TTL_SECONDS,
    requireSignature: env.XURRENT_WEBHOOK_REQUIRE_SIGNATURE,
    publicKeys: env.XURRENT_WEBHOOK_PUBLIC_KEY ?? [],
    algorithms: env.XURRENT_WEBHOOK_ALGORITHMS,
    audience: env.XURRENT_WEBHOOK_AUDIENCE,
    requireExp: env.XURRENT_WEBHOOK_REQUIRE_EXP,
    discoverKeys: env.XURRENT_WEBHOOK_JWKS === 'discover',
    discoveriesPerMinute: env.XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE,
    accountUrl: account ? `https://${account}.${env.XURRENT_DOMAIN.toLowerCase()}` : undefined,
    callbackDomains: [...new Set(domains)],
    accounts: [...new Set([...(account ? [account] : []), ...env.XURRENT_CUSTOMER_ACCOUNTS])],
  };
}

export const webhookEnvSection = defineEnvSection({
  shape,
  check: checkWebhookEnv,
  config: (env: Parameters<typeof toWebhookConfig>[0]) => ({ webhooks: toWebhookConfig(env) }),
});
