import { GraphQLError } from 'graphql';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const cursorOf = (index: number) => Buffer.from(`idx:${index}`).toString('base64url');
const indexOf = (cursor: string) => Number(Buffer.from(cursor, 'base64url').toString().replace(/^idx:/, ''));

/**
 * A Relay-style page over `items`, as Xurrent pages: `first` or `last` is required and lies in
 * 1..100 (learning.4me.com/integrations_graphql_rate_limit); `after`/`before` are opaque cursors.
 */
export function toConnection<T>(items: readonly T[], args: ConnectionArgs) {
  const size = args.first ?? args.last;
  if (size === undefined || size === null || size < 1 || size > 100) {
    throw new GraphQLError('Argument first or last is required and must be between 1 and 100');
  }
  const start = args.after ? indexOf(args.after) + 1 : 0;
  const end = args.before ? indexOf(args.before) : items.length;
  const window = items.slice(start, end);
  const fromEnd = args.first === undefined || args.first === null;
  const offset = fromEnd ? Math.max(0, window.length - size) : 0;
  const page = window.slice(offset, offset + size);
  const lastIndex = start + offset + page.length - 1;
  return {
    nodes: page,
    totalCount: items.length,
    pageInfo: {
      endCursor: page.length > 0 ? cursorOf(lastIndex) : null,
      hasNextPage: lastIndex + 1 < end,
      startCursor: page.length > 0 ? cursorOf(start + offset) : null,
    },
  };
}
