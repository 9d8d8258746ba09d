import { z } from 'zod';
import { connectionSchema } from './common.js';

/** One page of problems matching a filter. */
export const PROBLEMS_PAGE = /* GraphQL */ `
  query ProblemsPage($first: Int!, $after: String, $filter: ProblemFilter) {
    problems(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        problemId
        subject
        status
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

export const ProblemSummarySchema = z.object({
  id: z.string(),
  problemId: z.string().nullish(),
  subject: z.string().nullish(),
  status: z.string().nullish(),
});
export const ProblemsPageSchema = z.object({ problems: connectionSchema(ProblemSummarySchema) });
