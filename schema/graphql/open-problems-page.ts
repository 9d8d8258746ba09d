import { z } from 'zod';
import { connectionSchema } from './common.js';

/**
 * One page of a service instance's problems that are still open (filter on status, negated), with
 * `source`/`sourceID` so the worker recognises its own, and the requests already linked (the
 * first 100: an update sends them back with the new ones, whatever `requestIds` on update does).
 */
export const OPEN_PROBLEMS_PAGE = /* GraphQL */ `
  query OpenProblemsPage($first: Int!, $after: String, $filter: ProblemFilter) {
    problems(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        problemId
        status
        source
        sourceID
        analysisTargetAt
        requests(first: 100) {
          nodes {
            id
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

export const OpenProblemSchema = z.object({
  id: z.string(),
  problemId: z.string().nullish(),
  status: z.string().nullish(),
  source: z.string().nullish(),
  sourceID: z.string().nullish(),
  analysisTargetAt: z.string().nullish(),
  requests: z.object({ nodes: z.array(z.object({ id: z.string() })).nullish() }).nullish(),
});
export type OpenProblem = z.infer<typeof OpenProblemSchema>;

export const OpenProblemsPageSchema = z.object({ problems: connectionSchema(OpenProblemSchema) });

/** Problem statuses after which a group needs a new problem. */
export const closedProblemStatuses = ['solved', 'declined'] as const;
