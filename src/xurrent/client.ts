import { ClientError, GraphQLClient } from 'graphql-request';
import type { z } from 'zod';
import type { XurrentConfig } from '../../schema/env/xurrent.js';
import { RateLimitedError, XurrentApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readBudget } from './budget.js';
import { payloadErrorsOf, toXurrentError } from './errors.js';
import { UNLIMITED, type XurrentLimiter } from './limiter.js';
import { createTokenProvider } from './token-provider.js';

export interface XurrentClient {
  /**
   * Runs one GraphQL operation and validates its data against `schema`. GraphQL errors (even in an
   * HTTP 200) and mutation payload `errors` are thrown as XurrentApiError; 429/503 as RateLimitedError.
   */
  request<TSchema extends z.ZodType>(document: string, variables: object, schema: TSchema): Promise<z.output<TSchema>>;
  /** A view of this client that counts its calls, for "calls per job" in the logs. */
  counted(): CountedXurrentClient;
}

export interface CountedXurrentClient extends Pick<XurrentClient, 'request'> {
  calls(): number;
}

export interface XurrentClientDeps {
  config: XurrentConfig;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  /** Shared pacing (Redis in production); none when omitted. */
  limiter?: XurrentLimiter;
  /** Told of every operation's outcome (metrics); one call per `request`, whatever retries happened inside. */
  onCall?: (call: XurrentCall) => void;
}

export type XurrentCallOutcome = 'ok' | 'rate_limited' | 'retriable_error' | 'error';
export interface XurrentCall {
  operation: string;
  outcome: XurrentCallOutcome;
  durationMs: number;
}

export function operationNameOf(document: string): string {
  return /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1] ?? 'anonymous';
}

export function createXurrentClient({
  config,
  logger,
  fetch = globalThis.fetch,
  limiter = UNLIMITED,
  onCall,
}: XurrentClientDeps): XurrentClient {
  const token = createTokenProvider({ config, fetch });
  const client = new GraphQLClient(config.graphqlUrl, {
    method: 'POST',
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(config.timeoutMs) }),
    headers: { 'X-Xurrent-Account': config.account },
  });
  const log = logger.child({ component: 'xurrent-client' });

  const send = async (
    document: string,
    variables: object,
    operation: string,
    retryOn401: boolean,
  ): Promise<Awaited<ReturnType<typeof client.rawRequest>>> => {
    const bearer = await token();
    await limiter.acquire();
    const started = Date.now();
    try {
      const result = await client.rawRequest(document, variables as Record<string, unknown>, { Authorization: `Bearer ${bearer}` });
      log.debug('xurrent call', { operation, status: result.status, durationMs: Date.now() - started, budget: readBudget(result.headers) });
      return result;
    } catch (error) {
      if (error instanceof ClientError) await limiter.record(readBudget(error.response.headers));
      // An OAuth token can die before it expires; one fresh token is worth one more try.
      if (retryOn401 && error instanceof ClientError && error.response.status === 401 && token.invalidate(bearer)) {
        return send(document, variables, operation, false);
      }
      const mapped = toXurrentError(error, {
        operation,
        timeoutMs: config.timeoutMs,
        ...(config.defaultRetryAfterMs !== undefined ? { defaultRetryAfterMs: config.defaultRetryAfterMs } : {}),
      });
      if (mapped instanceof RateLimitedError) await limiter.block(mapped.retryAfterMs);
      log.debug('xurrent call failed', { operation, durationMs: Date.now() - started, error: mapped.message });
      throw mapped;
    }
  };

  const request: XurrentClient['request'] = async (document, variables, schema) => {
    if (!onCall) return requestOnce(document, variables, schema);
    const operation = operationNameOf(document);
    const started = Date.now();
    try {
      const data = await requestOnce(document, variables, schema);
      onCall({ operation, outcome: 'ok', durationMs: Date.now() - started });
      return data;
    } catch (error) {
      onCall({ operation, outcome: outcomeOf(error), durationMs: Date.now() - started });
      throw error;
    }
  };

  const requestOnce: XurrentClient['request'] = async (document, variables, schema) => {
    const operation = operationNameOf(document);
    const result = await send(document, variables, operation, true);
    await limiter.record(readBudget(result.headers));

    const payloadErrors = payloadErrorsOf(result.data);
    if (payloadErrors.length > 0) {
      const summary = payloadErrors.map((e) => `${e.path.join('.') || '(input)'}: ${e.message}`).join('; ');
      throw new XurrentApiError(`Xurrent ${operation} refused: ${summary}`, { status: result.status, payloadErrors, retriable: false });
    }
    const parsed = schema.safeParse(result.data);
    if (!parsed.success) {
      log.error('unexpected response shape from Xurrent', { operation, issues: parsed.error.issues.slice(0, 5) });
      throw new XurrentApiError(
        `Unexpected response shape from Xurrent ${operation}`,
        { status: result.status, retriable: false },
        { cause: parsed.error },
      );
    }
    return parsed.data;
  };

  return {
    request,
    counted() {
      let calls = 0;
      return {
        calls: () => calls,
        request: (document, variables, schema) => {
          calls += 1;
          return request(document, variables, schema);
        },
      };
    },
  };
}

function outcomeOf(error: unknown): XurrentCallOutcome {
  if (error instanceof RateLimitedError) return 'rate_limited';
  return error instanceof XurrentApiError && error.retriable ? 'retriable_error' : 'error';
}
