import { intWithDefault, optionalString, optionalUrl, stringWithDefault } from './fields.js';
import { defineEnvSection, type EnvProblem, type FieldsOf } from './section.js';

/** Where Xurrent is and how this service authenticates to it. */
const shape = {
  XURRENT_ACCOUNT: optionalString(),
  XURRENT_DOMAIN: stringWithDefault('xurrent.com'),
  XURRENT_REGION: optionalString(),
  XURRENT_GRAPHQL_URL: optionalUrl(),
  XURRENT_TOKEN: optionalString(),
  XURRENT_CLIENT_ID: optionalString(),
  XURRENT_CLIENT_SECRET: optionalString(),
  XURRENT_TIMEOUT_MS: intWithDefault(10_000, { min: 100, max: 120_000 }),
  XURRENT_DEFAULT_RETRY_AFTER_MS: intWithDefault(60_000, { min: 1_000, max: 3_600_000 }),
};
type XurrentEnv = FieldsOf<typeof shape>;

export type XurrentAuth = { kind: 'token'; token: string } | { kind: 'client-credentials'; clientId: string; clientSecret: string };

export interface XurrentConfig {
  account: string;
  graphqlUrl: string;
  oauthTokenUrl: string;
  auth: XurrentAuth;
  timeoutMs: number;
  /** Pause after a 429/503 without a readable Retry-After (60 s by default, as Xurrent's iPaaS does). */
  defaultRetryAfterMs?: number;
}

/** `https://<service>[.<region>].<domain>`: Xurrent's documented host scheme. */
export function xurrentHost(service: 'graphql' | 'oauth', domain: string, region: string | undefined): string {
  return `https://${[service, region?.toLowerCase(), domain].filter(Boolean).join('.')}`;
}

/** Problems with the Xurrent settings taken together; empty when they are coherent. */
function checkXurrentEnv(env: XurrentEnv, production: boolean): EnvProblem[] {
  const problems: EnvProblem[] = [];
  const hasClient = Boolean(env.XURRENT_CLIENT_ID || env.XURRENT_CLIENT_SECRET);
  if (env.XURRENT_TOKEN && hasClient) {
    problems.push({ key: 'XURRENT_TOKEN', message: 'set either XURRENT_TOKEN or XURRENT_CLIENT_ID + XURRENT_CLIENT_SECRET, not both' });
  }
  if (hasClient && !env.XURRENT_CLIENT_ID) problems.push({ key: 'XURRENT_CLIENT_ID', message: 'is required with XURRENT_CLIENT_SECRET' });
  if (hasClient && !env.XURRENT_CLIENT_SECRET)
    problems.push({ key: 'XURRENT_CLIENT_SECRET', message: 'is required with XURRENT_CLIENT_ID' });
  const hasAuth = Boolean(env.XURRENT_TOKEN || hasClient);
  if (production && !hasAuth) {
    problems.push({
      key: 'XURRENT_TOKEN',
      message: 'is required in production: set XURRENT_TOKEN or XURRENT_CLIENT_ID + XURRENT_CLIENT_SECRET',
    });
  }
  if ((production || hasAuth) && !env.XURRENT_ACCOUNT) {
    problems.push({ key: 'XURRENT_ACCOUNT', message: 'is required when Xurrent credentials are set or in production' });
  }
  if (production) problems.push(...checkXurrentTransport(env));
  return problems;
}

/**
 * In production the token travels only over TLS: the GraphQL endpoint and the OAuth token endpoint
 * (where the client secret goes) must be https URLs without credentials in them. The token URL is
 * derived from XURRENT_DOMAIN and XURRENT_REGION, so a problem with it names those.
 */
function checkXurrentTransport(env: XurrentEnv): EnvProblem[] {
  const problems: EnvProblem[] = [];
  const graphql = env.XURRENT_GRAPHQL_URL ?? xurrentHost('graphql', env.XURRENT_DOMAIN, env.XURRENT_REGION);
  if (!isPlainHttps(graphql)) {
    problems.push({
      key: env.XURRENT_GRAPHQL_URL ? 'XURRENT_GRAPHQL_URL' : 'XURRENT_DOMAIN',
      message: 'must give an https URL (without user or password) in production',
    });
  }
  if (!isPlainHttps(oauthTokenUrlOf(env))) {
    problems.push({
      key: env.XURRENT_REGION ? 'XURRENT_REGION' : 'XURRENT_DOMAIN',
      message: 'must give an https OAuth token URL (without user or password) in production',
    });
  }
  return problems;
}

function isPlainHttps(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

const oauthTokenUrlOf = (env: Pick<XurrentEnv, 'XURRENT_DOMAIN' | 'XURRENT_REGION'>): string =>
  `${xurrentHost('oauth', env.XURRENT_DOMAIN, env.XURRENT_REGION)}/token`;

/** The Xurrent connection, or undefined when no credentials are configured (development only). */
function toXurrentConfig(env: XurrentEnv): XurrentConfig | undefined {
  const auth: XurrentAuth | undefined = env.XURRENT_TOKEN
    ? { kind: 'token', token: env.XURRENT_TOKEN }
    : env.XURRENT_CLIENT_ID && env.XURRENT_CLIENT_SECRET
      ? { kind: 'client-credentials', clientId: env.XURRENT_CLIENT_ID, clientSecret: env.XURRENT_CLIENT_SECRET }
      : undefined;
  if (!auth || !env.XURRENT_ACCOUNT) return undefined;
  return {
    account: env.XURRENT_ACCOUNT,
    graphqlUrl: env.XURRENT_GRAPHQL_URL ?? xurrentHost('graphql', env.XURRENT_DOMAIN, env.XURRENT_REGION),
    oauthTokenUrl: oauthTokenUrlOf(env),
    auth,
    timeoutMs: env.XURRENT_TIMEOUT_MS,
    defaultRetryAfterMs: env.XURRENT_DEFAULT_RETRY_AFTER_MS,
  };
}

export const xurrentEnvSection = defineEnvSection({
  shape,
  check: (env, raw) => checkXurrentEnv(env, raw['NODE_ENV'] === 'production'),
  config: (env) => ({ xurrent: toXurrentConfig(env) }),
});
