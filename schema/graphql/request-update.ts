import { z } from 'zod';

/** All changes to a request in one call; notes go in `internalNote` / `note`. */
export const REQUEST_UPDATE = /* GraphQL */ `
  mutation RequestUpdate($input: RequestUpdateInput!) {
    requestUpdate(input: $input) {
      errors {
        path
        message
      }
      request {
        id
      }
    }
  }
`;

export interface RequestUpdateVariables {
  input: { id: string; internalNote?: string; note?: string; clientMutationId?: string };
}

export const RequestUpdateResultSchema = z.object({
  requestUpdate: z.object({
    errors: z.array(z.object({ path: z.array(z.string()).nullish(), message: z.string() })).nullish(),
    request: z.object({ id: z.string() }).nullish(),
  }),
});
export type RequestUpdateResult = z.infer<typeof RequestUpdateResultSchema>;
