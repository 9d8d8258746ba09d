import { z } from 'zod';
import { connectionSchema, RefSchema, TargetSchema } from './common.js';

/** One request by node id with everything the workflow reads, so a job needs one query only. */
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
        urgent
        createdAt
        updatedAt
        completedAt
        responseTargetAt
        resolutionTargetAt
        nextTargetAt
        waitingUntil
        team { id name }
        member { id name }
        requestedFor { id name }
        serviceInstance { id name }
        problem { id }
        supplierRequestID
        notes(first: 100) {
          nodes { id text internal createdAt person { id name } }
          pageInfo { endCursor hasNextPage }
        }
      }
    }
  }
`;

export const RequestNoteSchema = z.object({
  id: z.string(),
  text: z.string().nullish(),
  internal: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  person: RefSchema,
});

export const RequestDetailSchema = z.object({
  id: z.string(),
  requestId: z.string().nullish(),
  subject: z.string().nullish(),
  category: z.string().nullish(),
  impact: z.string().nullish(),
  status: z.string().nullish(),
  urgent: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  completedAt: TargetSchema,
  responseTargetAt: TargetSchema,
  resolutionTargetAt: TargetSchema,
  nextTargetAt: TargetSchema,
  waitingUntil: TargetSchema,
  team: RefSchema,
  member: RefSchema,
  requestedFor: RefSchema,
  serviceInstance: RefSchema,
  problem: z.object({ id: z.string() }).nullish(),
  /** Break-fix: the supplier's reference (request mode: the linked request's node id at Xurrent). */
  supplierRequestID: z.string().nullish(),
  notes: connectionSchema(RequestNoteSchema).nullish(),
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

export const RequestByIdResultSchema = z.object({ node: RequestDetailSchema.nullable() });
export type RequestByIdResult = z.infer<typeof RequestByIdResultSchema>;
