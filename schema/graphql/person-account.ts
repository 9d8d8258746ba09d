import { z } from 'zod';

/**
 * The account a person belongs to (`Person.account`): who changed a request's status is judged by it
 * (the provider's people respond; the customer's, reaching the provider through a trust, do not).
 */
export const PERSON_ACCOUNT = /* GraphQL */ `
  query PersonAccount($id: ID!) {
    node(id: $id) {
      ... on Person {
        id
        account {
          id
        }
      }
    }
  }
`;

/** Null node: no such person visible to the token; a node of another type answers `{}`. */
export const PersonAccountSchema = z.object({
  node: z.object({ id: z.string().optional(), account: z.object({ id: z.string() }).nullish() }).nullable(),
});
