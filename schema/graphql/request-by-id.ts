import { z } from 'zod';

/** One request by node id, with the fields the workflow reads. */
export const REQUEST_BY_ID = /* GraphQL */ `
  query RequestById($id: ID!) {
    node(id: $id) {
      ... on Request {
        id
        requestId
        subject
        category
        impact
        status
      }
    }
  }
`;

export const RequestByIdResultSchema = z.object({
  node: z
    .object({
      id: z.string(),
      requestId: z.string().nullish(),
      subject: z.string().nullish(),
      category: z.string().nullish(),
      impact: z.string().nullish(),
      status: z.string().nullish(),
    })
    .nullable(),
});
export type RequestByIdResult = z.infer<typeof RequestByIdResultSchema>;
