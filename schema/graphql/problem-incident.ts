import { z } from 'zod';
import { connectionSchema } from './common.js';

/** What problem management reads of an incident (for itself and for the other incidents of its group). */
const INCIDENT_FIELDS = /* GraphQL */ `
  id
  requestId
  subject
  category
  impact
  createdAt
  team { id }
  problem { id }
  serviceInstance { id name service { id } }
`;

/** One request by node id, as problem management needs it. */
export const PROBLEM_INCIDENT_BY_ID = /* GraphQL */ `
  query ProblemIncidentById($id: ID!) {
    node(id: $id) { ... on Request { ${INCIDENT_FIELDS} } }
  }
`;

/**
 * One page of a service instance's requests. Xurrent's RequestFilter has no creation-date or
 * category filter, so the window and the category are applied by the domain rules.
 */
export const GROUP_INCIDENTS_PAGE = /* GraphQL */ `
  query GroupIncidentsPage($first: Int!, $after: String, $filter: RequestFilter) {
    requests(first: $first, after: $after, filter: $filter) {
      nodes { ${INCIDENT_FIELDS} }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export const ProblemIncidentSchema = z.object({
  id: z.string(),
  requestId: z.string().nullish(),
  subject: z.string().nullish(),
  category: z.string().nullish(),
  impact: z.string().nullish(),
  createdAt: z.iso.datetime({ offset: true }),
  team: z.object({ id: z.string() }).nullish(),
  problem: z.object({ id: z.string() }).nullish(),
  serviceInstance: z.object({ id: z.string(), name: z.string().nullish(), service: z.object({ id: z.string() }).nullish() }).nullish(),
});
export type ProblemIncident = z.infer<typeof ProblemIncidentSchema>;

export const ProblemIncidentByIdSchema = z.object({ node: ProblemIncidentSchema.nullable() });
export const GroupIncidentsPageSchema = z.object({ requests: connectionSchema(ProblemIncidentSchema) });

/**
 * The texts of a request's notes (the first 100), to find a marker the worker wrote before: the
 * customer's RCA confirmation is written once, whatever job or retry runs again.
 */
export const PROBLEM_INCIDENT_NOTES = /* GraphQL */ `
  query ProblemIncidentNotes($id: ID!) {
    node(id: $id) {
      ... on Request {
        id
        notes(first: 100) {
          nodes {
            text
          }
        }
      }
    }
  }
`;
export const ProblemIncidentNotesSchema = z.object({
  node: z.object({ notes: z.object({ nodes: z.array(z.object({ text: z.string().nullish() })).nullish() }).nullish() }).nullable(),
});
