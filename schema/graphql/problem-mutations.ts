import { z } from 'zod';
import { ValidationErrorsSchema } from './common.js';

/** Opens a problem for related requests (`requestIds` links them). */
export const PROBLEM_CREATE = /* GraphQL */ `
  mutation ProblemCreate($input: ProblemCreateInput!) {
    problemCreate(input: $input) {
      errors { path message }
      problem { id problemId subject status }
    }
  }
`;

/** All changes to a problem in one call. */
export const PROBLEM_UPDATE = /* GraphQL */ `
  mutation ProblemUpdate($input: ProblemUpdateInput!) {
    problemUpdate(input: $input) {
      errors { path message }
      problem { id problemId subject status }
    }
  }
`;

export interface ProblemCreateVariables {
  input: { subject: string; serviceId: string; impact?: string; teamId?: string; note?: string; requestIds?: string[]; serviceInstanceIds?: string[] };
}

export interface ProblemUpdateVariables {
  input: { id: string; status?: string; note?: string; requestIds?: string[]; workaround?: string };
}

const ProblemSchema = z.object({ id: z.string(), problemId: z.string().nullish(), subject: z.string().nullish(), status: z.string().nullish() });

export const ProblemCreateResultSchema = z.object({ problemCreate: z.object({ errors: ValidationErrorsSchema, problem: ProblemSchema.nullish() }) });
export const ProblemUpdateResultSchema = z.object({ problemUpdate: z.object({ errors: ValidationErrorsSchema, problem: ProblemSchema.nullish() }) });
