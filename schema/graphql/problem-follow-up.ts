import { z } from 'zod';

/** A problem's RCA target, its notes (the markers show which follow-up notes exist) and its incidents; the first 100 of each. */
export const PROBLEM_FOLLOW_UP_BY_ID = /* GraphQL */ `
  query ProblemFollowUpById($id: ID!) {
    node(id: $id) {
      ... on Problem {
        id
        problemId
        status
        analysisTargetAt
        notes(first: 100) {
          nodes {
            text
            createdAt
          }
        }
        requests(first: 100) {
          nodes {
            id
          }
        }
      }
    }
  }
`;

export const ProblemFollowUpSchema = z.object({
  id: z.string(),
  problemId: z.string().nullish(),
  status: z.string().nullish(),
  analysisTargetAt: z.iso.datetime({ offset: true }).nullish(),
  notes: z.object({ nodes: z.array(z.object({ text: z.string().nullish(), createdAt: z.string().nullish() })).nullish() }).nullish(),
  requests: z.object({ nodes: z.array(z.object({ id: z.string() })).nullish() }).nullish(),
});

export const ProblemFollowUpByIdSchema = z.object({ node: ProblemFollowUpSchema.nullable() });
