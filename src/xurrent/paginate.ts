import type { z } from 'zod';
import type { XurrentClient } from './client.js';

export const MAX_PAGE_SIZE = 100;

interface Page<T> {
  nodes: T[];
  totalCount?: number | null | undefined;
  pageInfo: { endCursor?: string | null | undefined; hasNextPage?: boolean | null | undefined };
}

export interface PaginateOptions<TSchema extends z.ZodType, T> {
  document: string;
  /** Variables other than `first` and `after`. */
  variables?: Record<string, unknown>;
  schema: TSchema;
  /** Picks the connection out of the parsed data. */
  connection: (data: z.output<TSchema>) => Page<T>;
  /** 1..100 (Xurrent's limit for `first`). */
  pageSize?: number;
  /** Stops after this many pages, as a guard against endless cursors. */
  maxPages?: number;
  /** Told each page's `totalCount` (when the document asks for it), for progress. */
  onTotal?: (totalCount: number) => void;
}

/** Yields every node of a connection, following `pageInfo.endCursor` while `hasNextPage`. */
export async function* paginate<TSchema extends z.ZodType, T>(
  xurrent: Pick<XurrentClient, 'request'>,
  options: PaginateOptions<TSchema, T>,
): AsyncGenerator<T> {
  const first = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  let after: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 100); page++) {
    const data = await xurrent.request(options.document, { ...options.variables, first, after }, options.schema);
    const { nodes, pageInfo, totalCount } = options.connection(data);
    if (typeof totalCount === 'number') options.onTotal?.(totalCount);
    yield* nodes;
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
    after = pageInfo.endCursor;
  }
}
