/** What a mutation changed, for the webhook sender (one entry per Xurrent webhook event). */
export interface SimChange {
  event: string;
  objectId: string;
  objectNumber: number;
  personId: string | undefined;
  payload: Record<string, unknown>;
}

/** Per-call state of a GraphQL execution: who is acting, and the changes to announce afterwards. */
export interface SimContext {
  personId: string | undefined;
  changes: SimChange[];
}

export interface ValidationError {
  path: string[];
  message: string;
}

/** A mutation result: Xurrent reports refused input in the payload's `errors`, with HTTP 200. */
export function refused(errors: ValidationError[], clientMutationId?: string | null) {
  return { errors, ...(clientMutationId ? { clientMutationId } : {}) };
}

/** The numeric record id at the end of a node id (`…/Req/7` → 7), as webhooks' `object_id` carries it. */
export function numberOf(nodeId: string): number {
  return Number(/\/(\d+)$/.exec(Buffer.from(nodeId, 'base64url').toString())?.[1] ?? 0);
}
