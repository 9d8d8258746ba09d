import { z } from 'zod';
import { connectionSchema, RefSchema, TargetSchema } from './common.js';

/** One page of requests matching a filter (use `paginate` to read them all). */
export const REQUESTS_PAGE = /* GraphQL */ `
  query RequestsPage($first: Int!, $after: String, $filter: RequestFilter) {
    requests(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        requestId
        subject
        status
        impact
        nextTargetAt
        serviceInstance {
          id
          name
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

export const RequestSummarySchema = z.object({
  id: z.string(),
  requestId: z.string().nullish(),
  subject: z.string().nullish(),
  status: z.string().nullish(),
  impact: z.string().nullish(),
  nextTargetAt: TargetSchema,
  serviceInstance: RefSchema,
});
export const RequestsPageSchema = z.object({ requests: connectionSchema(RequestSummarySchema) });
