import { z } from 'zod';

/**
 * A problem with what its linked incidents should be told once it is solved, and each incident's
 * notes (the markers show which were told already; 100 notes and 100 incidents per problem at most).
 */
export const PROBLEM_OUTCOME_BY_ID = /* GraphQL */ `
  query ProblemOutcomeById($id: ID!) {
    node(id: $id) {
      ... on Problem {
        id
        problemId
        subject
        status
        source
        solvedAt
        analysisTargetAt
        knownError
        workaround
        notes(first: 100) {
          nodes {
            text
            createdAt
          }
        }
        requests(first: 100) {
          nodes {
            id
            notes(first: 100) {
              nodes {
                text
              }
            }
          }
        }
      }
    }
  }
`;

export const ProblemOutcomeSchema = z.object({
  id: z.string(),
  problemId: z.string().nullish(),
  subject: z.string().nullish(),
  status: z.string().nullish(),
  source: z.string().nullish(),
  solvedAt: z.iso.datetime({ offset: true }).nullish(),
  analysisTargetAt: z.iso.datetime({ offset: true }).nullish(),
  knownError: z.boolean().nullish(),
  workaround: z.string().nullish(),
  /** The problem's own notes: the RCA promises' markers and the RCA report (issue 17). */
  notes: z.object({ nodes: z.array(z.object({ text: z.string().nullish(), createdAt: z.string().nullish() })).nullish() }).nullish(),
  requests: z
    .object({
      nodes: z
        .array(
          z.object({ id: z.string(), notes: z.object({ nodes: z.array(z.object({ text: z.string().nullish() })).nullish() }).nullish() }),
        )
        .nullish(),
    })
    .nullish(),
});
export type ProblemOutcome = z.infer<typeof ProblemOutcomeSchema>;

export const ProblemOutcomeByIdSchema = z.object({ node: ProblemOutcomeSchema.nullable() });
