import { isImpact } from '../triage/categories.js';
import { NOTE_MARKER_PREFIX } from '../notes/render-notes.js';

/** `source` of every request the worker registers at Xurrent, so it finds its own requests again. */
export const LINKED_REQUEST_SOURCE = 'xurrent-support-worker';

/** `sourceID` of the linked request of one customer request: unique per customer account and request. */
export function linkedRequestSourceId(customerAccount: string, requestNodeId: string): string {
  return `request:${customerAccount}:${requestNodeId}`;
}

/** The customer's request as the forward step reads it. */
export interface ForwardedRequest {
  id: string;
  requestId: string | null;
  subject: string | null;
  category: string | null;
  impact: string | null;
  /** Notes oldest first; the worker's own notes (with markers) are left out of what Xurrent gets. */
  notes: readonly { text: string; internal: boolean }[];
}

export interface LinkedRequestInput {
  subject: string;
  category: 'incident' | 'rfc';
  impact?: string;
  note: string;
  serviceInstanceId?: string;
  source: string;
  sourceID: string;
}

/**
 * The request registered in the account that reaches Xurrent's support for one escalated customer
 * request (break-fix, request mode): its subject names the customer's account and request number
 * (also the text the worker searches for before creating, so a retry finds it), the category and
 * impact follow the customer's request, and one note carries the description (the first note a
 * person wrote, else the subject) and the further notes as reproduction notes.
 */
export function planLinkedRequest(
  request: ForwardedRequest,
  context: { customerAccount: string; serviceInstanceId: string | null },
): { input: LinkedRequestInput; searchText: string } {
  const label = `${context.customerAccount} #${request.requestId ?? request.id}`;
  const people = request.notes
    .filter((note) => !note.text.includes(`[${NOTE_MARKER_PREFIX}`))
    .map((note) => note.text.trim())
    .filter(Boolean);
  const [description, ...reproduction] = people;
  const category = request.category === 'rfc' ? 'rfc' : 'incident';
  const note = [
    `Forwarded by the support worker of ${context.customerAccount}: request #${request.requestId ?? request.id} (${category === 'rfc' ? "request for change about Xurrent's standard functionality" : 'incident on the Xurrent service'}${isImpact(request.impact) && category === 'incident' ? `, impact ${request.impact}` : ''}).`,
    `Description:\n${description ?? request.subject ?? '(none given)'}`,
    `Reproduction notes:\n${reproduction.length > 0 ? reproduction.map((text) => `- ${text}`).join('\n') : '- none recorded yet; please ask us for details'}`,
  ].join('\n\n');
  return {
    searchText: label,
    input: {
      subject: `${request.subject ?? 'Request'} [${label}]`,
      category,
      ...(category === 'incident' && isImpact(request.impact) ? { impact: request.impact } : {}),
      note,
      ...(context.serviceInstanceId ? { serviceInstanceId: context.serviceInstanceId } : {}),
      source: LINKED_REQUEST_SOURCE,
      sourceID: linkedRequestSourceId(context.customerAccount, request.id),
    },
  };
}
