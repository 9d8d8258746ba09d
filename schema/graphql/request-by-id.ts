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
        team {
          id
          name
        }
        member {
          id
          name
        }
        account {
          id
          name
        }
        requestedFor {
          id
          name
          account {
            id
            name
          }
        }
        requestedBy {
          id
        }
        createdBy {
          id
        }
        providerNotAccountable
        downtimeStartAt
        downtimeEndAt
        serviceInstance {
          id
          name
        }
        problem {
          id
          status
          knownError
          workaround
          updatedAt
        }
        supplierRequestID
        affectedSlas(first: 5) {
          nodes {
            accountability
            responseTargetAt
            resolutionTargetAt
          }
        }
        notes(first: 100) {
          nodes {
            id
            text
            internal
            createdAt
            person {
              id
              name
              account {
                id
              }
            }
            account {
              id
            }
          }
          pageInfo {
            endCursor
            hasNextPage
          }
        }
      }
    }
  }
`;

const AccountRefSchema = z.object({ id: z.string() }).nullish();

/** A note with its author: `Note.person` (and the person's `account`) and `Note.account`, which tell the provider's people from the customer's. */
export const RequestNoteSchema = z.object({
  id: z.string(),
  text: z.string().nullish(),
  internal: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  person: z.object({ id: z.string(), name: z.string().nullish(), account: AccountRefSchema }).nullish(),
  account: AccountRefSchema,
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
  /** The account the request lives in: the customer's, when it came through the trust (§2.6 customer). */
  account: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
  requestedFor: z
    .object({ id: z.string(), name: z.string().nullish(), account: z.object({ id: z.string(), name: z.string().nullish() }).nullish() })
    .nullish(),
  requestedBy: RefSchema,
  createdBy: RefSchema,
  providerNotAccountable: z.boolean().nullish(),
  /** The downtime an agent recorded on the request (§3.1 availability of a disruption); null when not filled in. */
  downtimeStartAt: z.string().nullish(),
  downtimeEndAt: z.string().nullish(),
  serviceInstance: RefSchema,
  problem: z
    .object({
      id: z.string(),
      status: z.string().nullish(),
      knownError: z.boolean().nullish(),
      workaround: z.string().nullish(),
      updatedAt: z.string().nullish(),
    })
    .nullish(),
  /** Break-fix: the supplier's reference (request mode: the linked request's node id at Xurrent). */
  supplierRequestID: z.string().nullish(),
  notes: connectionSchema(RequestNoteSchema).nullish(),
  /** Xurrent's own affected SLAs, when the provider configured them: their targets, to agree with the worker's (issue 22). */
  affectedSlas: z
    .object({
      nodes: z
        .array(
          z.object({ accountability: z.string().nullish(), responseTargetAt: TargetSchema, resolutionTargetAt: TargetSchema }).nullable(),
        )
        .nullish()
        .transform((n) => (n ?? []).filter((x) => x !== null)),
    })
    .nullish(),
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

export const RequestByIdResultSchema = z.object({ node: RequestDetailSchema.nullable() });
export type RequestByIdResult = z.infer<typeof RequestByIdResultSchema>;
