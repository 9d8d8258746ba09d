import { z } from 'zod';
import { connectionSchema } from './common.js';

/**
 * One page of the requests changed since an instant (Xurrent's `updatedAt` range filter), with only
 * what the reconciliation sweep compares with what the worker last observed: id, status and
 * `updatedAt`. Cheap on purpose: the sweep pages through every change since its high-water mark.
 */
export const REQUESTS_UPDATED_PAGE = /* GraphQL */ `
  query RequestsUpdatedPage($first: Int!, $after: String, $filter: RequestFilter) {
    requests(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        status
        updatedAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

export const ChangedRequestSchema = z.object({ id: z.string(), status: z.string().nullish(), updatedAt: z.string().nullish() });
export type ChangedRequest = z.infer<typeof ChangedRequestSchema>;

export const RequestsUpdatedPageSchema = z.object({ requests: connectionSchema(ChangedRequestSchema) });

/** Statuses after which a request is no longer open (the cold-start resync reconciles every other). */
export const closedRequestStatuses = ['completed', 'declined'] as const;
