/**
 * The few error classes the service distinguishes. Workers translate them in one place
 * (workers/error-policy.ts): non-retriable errors fail the job at once, rate limits pause the
 * queue, anything else is retried with backoff.
 */

/** The environment does not describe a runnable service; `problems` name every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
  }
}

/** Input that can never succeed (bad webhook body, bad job data): never retried. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
  constructor(
    message: string,
    readonly path: readonly (string | number)[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** One entry of a mutation payload's `errors`: which input (`path`) was refused and why. */
export interface PayloadErrorEntry {
  message: string;
  path: readonly string[];
}

/**
 * A failed call to Xurrent's API, with what is needed to decide whether to retry: the HTTP status
 * (undefined for timeouts and network failures), top-level GraphQL `errors`, mutation payload
 * `errors`, and whether trying again can help.
 */
export class XurrentApiError extends Error {
  override readonly name = 'XurrentApiError';
  readonly status: number | undefined;
  readonly graphqlErrors: readonly GraphQLErrorEntry[];
  readonly payloadErrors: readonly PayloadErrorEntry[];
  readonly retriable: boolean;
  constructor(
    message: string,
    details: {
      status?: number;
      graphqlErrors?: readonly GraphQLErrorEntry[];
      payloadErrors?: readonly PayloadErrorEntry[];
      retriable: boolean;
    },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = details.status;
    this.graphqlErrors = details.graphqlErrors ?? [];
    this.payloadErrors = details.payloadErrors ?? [];
    this.retriable = details.retriable;
  }
}

/** Xurrent asked us to slow down; `retryAfterMs` is how long to pause the whole queue. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(`Rate limited by Xurrent for ${retryAfterMs} ms`, options);
  }
}
