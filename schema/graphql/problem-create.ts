import { z } from 'zod';
import { ProblemSchema, ValidationErrorsSchema } from './common.js';

/** Opens a problem for related requests (`requestIds` links them). */
export const PROBLEM_CREATE = /* GraphQL */ `
  mutation ProblemCreate($input: ProblemCreateInput!) {
    problemCreate(input: $input) {
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

export interface ProblemCreateVariables {
  input: {
    subject: string;
    serviceId: string;
    impact?: string;
    teamId?: string;
    managerId?: string;
    note?: string;
    requestIds?: string[];
    serviceInstanceIds?: string[];
    /** Lets the worker find its own problem again (`source` names the worker, `sourceID` the group). */
    source?: string;
    sourceID?: string;
    /** ISO-8601: when the root-cause analysis is due. */
    analysisTargetAt?: string;
  };
}

export const ProblemCreateResultSchema = z.object({
  problemCreate: z.object({ errors: ValidationErrorsSchema, problem: ProblemSchema.nullish() }),
});
