import { REQUEST_BY_ID, RequestByIdResultSchema, type RequestDetail } from '../../schema/graphql/request-by-id.js';
import { REQUEST_NOTES_PAGE, RequestNotesPageSchema } from '../../schema/graphql/request-notes.js';
import type { XurrentClient } from './client.js';
import { MAX_PAGE_SIZE } from './paginate.js';

/** A guard against an endless cursor: 100 pages are 10 000 notes on one request. */
const MAX_NOTE_PAGES = 100;

/**
 * One request with every note. `RequestById` brings the first 100 notes in the same call; a request
 * with more (a long-running one) gets the rest page by page, so a marker or a cue on its 101st note is
 * seen as on its first: without them the worker would write its notes again on every reconcile.
 */
export async function readRequest(xurrent: Pick<XurrentClient, 'request'>, id: string): Promise<RequestDetail | null> {
  const { node } = await xurrent.request(REQUEST_BY_ID, { id }, RequestByIdResultSchema);
  if (!node?.notes?.pageInfo.hasNextPage) return node;
  const nodes = [...node.notes.nodes];
  let pageInfo = node.notes.pageInfo;
  for (let page = 0; page < MAX_NOTE_PAGES && pageInfo.hasNextPage && pageInfo.endCursor; page++) {
    const next = (
      await xurrent.request(REQUEST_NOTES_PAGE, { id, first: MAX_PAGE_SIZE, after: pageInfo.endCursor }, RequestNotesPageSchema)
    ).node?.notes;
    if (!next) break;
    nodes.push(...next.nodes);
    pageInfo = next.pageInfo;
  }
  return { ...node, notes: { ...node.notes, nodes, pageInfo } };
}
