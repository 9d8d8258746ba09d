import { z } from 'zod';
import { ProblemSchema, ValidationErrorsSchema } from './common.js';

/** All changes to a problem in one call. */
export const PROBLEM_UPDATE = /* GraphQL */ `
  mutation ProblemUpdate($input: ProblemUpdateInput!) {
    problemUpdate(input: $input) {
      errors {
        path
        message
      }
      problem {
        id
        problemId
        subject
        status
      }
    }
  }
`;

export interface ProblemUpdateVariables {
  input: { id: string; status?: string; note?: string; requestIds?: string[]; workaround?: string; analysisTargetAt?: string };
}

export const ProblemUpdateResultSchema = z.object({
  problemUpdate: z.object({ errors: ValidationErrorsSchema, problem: ProblemSchema.nullish() }),
});
