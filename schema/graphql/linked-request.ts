import { z } from 'zod';
import { connectionSchema, ValidationErrorsSchema } from './common.js';

/**
 * Break-fix in request mode: the linked request in the account that reaches Xurrent's support
 * (these documents go to that account). `source`/`sourceID` let the worker find its own request
 * again before creating one, so a retry after a lost answer never registers a second.
 */
const LINKED_FIELDS = 'id requestId status source sourceID';

export const LINKED_REQUEST_BY_ID = /* GraphQL */ `
  query LinkedRequestById($id: ID!) {
    node(id: $id) { ... on Request { ${LINKED_FIELDS} } }
  }
`;

export const LINKED_REQUESTS_PAGE = /* GraphQL */ `
  query LinkedRequestsPage($first: Int!, $after: String, $filter: RequestFilter) {
    requests(first: $first, after: $after, filter: $filter) {
      nodes { ${LINKED_FIELDS} }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export const LINKED_REQUEST_CREATE = /* GraphQL */ `
  mutation LinkedRequestCreate($input: RequestCreateInput!) {
    requestCreate(input: $input) {
      errors { path message }
      request { ${LINKED_FIELDS} }
    }
  }
`;

export const LinkedRequestSchema = z.object({
  id: z.string(),
  requestId: z.string().nullish(),
  status: z.string().nullish(),
  source: z.string().nullish(),
  sourceID: z.string().nullish(),
});
export type LinkedRequestNode = z.infer<typeof LinkedRequestSchema>;

export const LinkedRequestByIdSchema = z.object({ node: LinkedRequestSchema.nullable() });
export const LinkedRequestsPageSchema = z.object({ requests: connectionSchema(LinkedRequestSchema) });
export const LinkedRequestCreateSchema = z.object({
  requestCreate: z.object({ errors: ValidationErrorsSchema, request: LinkedRequestSchema.nullish() }),
});
