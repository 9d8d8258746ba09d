import { z } from 'zod';
import { ValidationErrorsSchema } from './common.js';

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
        status
        updatedAt
      }
    }
  }
`;

export interface RequestUpdateInput {
  id: string;
  clientMutationId?: string;
  internalNote?: string;
  note?: string;
  status?: string;
  impact?: string;
  urgent?: boolean;
  teamId?: string;
  memberId?: string;
  problemId?: string;
  waitingUntil?: string;
  supplierId?: string;
  /** Break-fix: the supplier's reference (request mode: the linked request's node id). */
  supplierRequestID?: string;
  /** Custom field values (`CustomFieldInput`: field id and JSON value). */
  customFields?: { id: string; value: string | null }[];
  /** Watchers to add (Xurrent `WatchInput`: the person watching). */
  newWatches?: { personId: string }[];
}

export interface RequestUpdateVariables {
  input: RequestUpdateInput;
}

export const RequestUpdateResultSchema = z.object({
  requestUpdate: z.object({
    errors: ValidationErrorsSchema,
    request: z.object({ id: z.string(), status: z.string().nullish(), updatedAt: z.string().nullish() }).nullish(),
  }),
});
export type RequestUpdateResult = z.infer<typeof RequestUpdateResultSchema>;
