import { z } from 'zod';
import { connectionSchema } from './common.js';
import { RequestNoteSchema } from './request-by-id.js';

/**
 * The notes of one request after a cursor: the rest of them when `RequestById`'s first 100 had a next
 * page. The worker's markers and the people's cues may be on any note, so every one is read.
 */
export const REQUEST_NOTES_PAGE = /* GraphQL */ `
  query RequestNotesPage($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Request {
        notes(first: $first, after: $after) {
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

export const RequestNotesPageSchema = z.object({ node: z.object({ notes: connectionSchema(RequestNoteSchema).nullish() }).nullable() });
