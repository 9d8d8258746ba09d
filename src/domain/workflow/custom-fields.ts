import type { TicketFacts } from '../notes/ticket-facts.js';

/** Ids of the request's custom fields (UI extension field ids) that mirror the worker's facts; null: not used. */
export interface CustomFieldMapping {
  priority: string | null;
  responseDue: string | null;
  resolutionDue: string | null;
  slaState: string | null;
}

export interface CustomFieldValue {
  id: string;
  value: string | null;
}

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

/**
 * The custom field values that show the facts on the ticket, for the fields that are configured.
 * Dues are ISO instants in UTC (Xurrent shows them in each viewer's time zone); the SLA state names
 * both targets, e.g. "response met, resolution running".
 */
export function customFieldsFor(facts: TicketFacts, mapping: CustomFieldMapping): CustomFieldValue[] {
  const values: [string | null, string | null][] = [
    [mapping.priority, facts.priority],
    [mapping.responseDue, iso(facts.responseDueMs)],
    [mapping.resolutionDue, iso(facts.resolutionDueMs)],
    [
      mapping.slaState,
      facts.kind === 'incident' && facts.priority ? `response ${facts.responseState}, resolution ${facts.resolutionState}` : null,
    ],
  ];
  return values.filter((entry): entry is [string, string | null] => entry[0] !== null).map(([id, value]) => ({ id, value }));
}
