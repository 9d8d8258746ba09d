import { ClientError, GraphQLClient } from 'graphql-request';
import type { z } from 'zod';
import type { XurrentConfig } from '../../schema/env/xurrent-config.js';
import { RateLimitedError, XurrentApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createTokenProvider } from './token-provider.js';

export interface XurrentClient {
  /** Runs one GraphQL operation and validates its data against `schema`. */
  request<TSchema extends z.ZodType>(document: string, variables: object, schema: TSchema): Promise<z.output<TSchema>>;
}

export interface XurrentClientDeps {
  config: XurrentConfig;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
}

export function createXurrentClient({ config, logger, fetch = globalThis.fetch }: XurrentClientDeps): XurrentClient {
  const token = createTokenProvider({ config, fetch });
  const client = new GraphQLClient(config.graphqlUrl, {
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(config.timeoutMs) }),
    headers: { 'X-Xurrent-Account': config.account },
  });
  const log = logger.child({ component: 'xurrent-client' });

  return {
    async request(document, variables, schema) {
      const headers = { Authorization: `Bearer ${await token()}` };
      let data: unknown;
      try {
        data = await client.request(document, variables as Record<string, unknown>, headers);
      } catch (error) {
        throw toXurrentError(error);
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        log.error('unexpected response shape from Xurrent', { issues: parsed.error.issues.slice(0, 5) });
        throw new XurrentApiError('Unexpected response shape from Xurrent', { retriable: false }, { cause: parsed.error });
      }
      return parsed.data;
    },
  };
}

/** Maps transport and GraphQL failures to the service's error classes (retry decisions live there). */
export function toXurrentError(error: unknown): Error {
  if (error instanceof ClientError) {
    const status = error.response.status;
    if (status === 429 || status === 503) {
      const retryAfter = error.response.headers?.get('retry-after') ?? null;
      return new RateLimitedError(parseRetryAfterMs(retryAfter), { cause: error });
    }
    const graphqlErrors = (error.response.errors ?? []).map((e) => ({ message: e.message, path: e.path }));
    const retriable = status >= 500;
    return new XurrentApiError(`Xurrent answered HTTP ${status}`, { status, graphqlErrors, retriable }, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new XurrentApiError(`Xurrent call failed: ${message}`, { retriable: true }, { cause: error });
}

/** `Retry-After` in seconds or as an HTTP date; 60 s when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 60_000;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60_000 : Math.max(0, at - now);
}
