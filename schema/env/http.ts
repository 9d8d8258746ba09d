import { isIP } from 'node:net';
import { z } from 'zod';
import type { coreEnvSection } from './core.js';
import { blankToUndefined, intWithDefault } from './fields.js';
import { defineEnvSection, type EnvProblem, type FieldsOf, type SectionFields } from './section.js';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d+$/.test(bits) ? Number(bits) <= max : family === 4 && isIP(bits) === 4;
}

/**
 * Which proxies in front of the service may say who the client is (`X-Forwarded-For`): a hop
 * count, or their addresses. `true` is refused: it would let any client pick its own address and
 * so step around the per-address login throttle.
 */
const trustProxy = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((text, ctx): number | string[] => {
      const trimmed = text.trim();
      if (/^\d+$/.test(trimmed)) {
        const hops = Number(trimmed);
        if (hops <= 10) return hops;
      }
      const entries = trimmed.split(',').map((entry) => entry.trim());
      if (entries.every((entry) => entry !== '' && isProxyEntry(entry))) return entries;
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a number of proxies (0-10) or a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal (never true: any client could then choose its own address)',
      });
      return z.NEVER;
    })
    .optional(),
);

/** The HTTP server's limits (see src/http/http-server.ts) and who may forward the client's address. */
const shape = {
  HTTP_HEADERS_TIMEOUT_MS: intWithDefault(10_000, { min: 1_000, max: 600_000 }),
  HTTP_REQUEST_TIMEOUT_MS: intWithDefault(15_000, { min: 1_000, max: 600_000 }),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: intWithDefault(5_000, { min: 1_000, max: 600_000 }),
  HTTP_MAX_CONNECTIONS: intWithDefault(500, { min: 10, max: 100_000 }),
  TRUST_PROXY: trustProxy,
};

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const httpEnvSection = defineEnvSection({
  shape,
  check: (env): EnvProblem[] =>
    // Node refuses a server whose headers may take longer than the whole request.
    env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS
      ? [{ key: 'HTTP_HEADERS_TIMEOUT_MS', message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS' }]
      : [],
  config: (env: FieldsOf<typeof shape> & Pick<SectionFields<typeof coreEnvSection>, 'HOST' | 'PORT'>) => {
    const limits: HttpLimits = {
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    };
    /** Express's `trust proxy` value: false (the socket's address) unless TRUST_PROXY names the proxies. */
    const trustProxy: false | number | string[] = env.TRUST_PROXY ?? false;
    return { http: { host: env.HOST, port: env.PORT, limits, trustProxy } };
  },
});
