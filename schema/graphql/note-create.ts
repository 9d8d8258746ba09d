import { z } from 'zod';
import { ValidationErrorsSchema } from './common.js';

/** A note on any record (request, problem) when nothing else about it changes. */
export const NOTE_CREATE = /* GraphQL */ `
  mutation NoteCreate($input: NoteCreateInput!) {
    noteCreate(input: $input) {
      errors {
        path
        message
      }
      note {
        id
        internal
      }
    }
  }
`;

export interface NoteCreateVariables {
  input: { ownerId: string; text: string; internal?: boolean; clientMutationId?: string };
}

export const NoteCreateResultSchema = z.object({
  noteCreate: z.object({
    errors: ValidationErrorsSchema,
    note: z.object({ id: z.string(), internal: z.boolean().nullish() }).nullish(),
  }),
});
