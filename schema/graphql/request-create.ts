import { z } from 'zod';
import { ValidationErrorsSchema } from './common.js';

/** Registers a request (the demo and tests use it as a customer would). */
export const REQUEST_CREATE = /* GraphQL */ `
  mutation RequestCreate($input: RequestCreateInput!) {
    requestCreate(input: $input) {
      errors {
        path
        message
      }
      request {
        id
        requestId
        subject
        status
      }
    }
  }
`;

export interface RequestCreateVariables {
  input: {
    subject: string;
    category?: string;
    impact?: string;
    note?: string;
    teamId?: string;
    serviceInstanceId?: string;
    requestedForId?: string;
    clientMutationId?: string;
  };
}

export const RequestCreateResultSchema = z.object({
  requestCreate: z.object({
    errors: ValidationErrorsSchema,
    request: z
      .object({ id: z.string(), requestId: z.string().nullish(), subject: z.string().nullish(), status: z.string().nullish() })
      .nullish(),
  }),
});
