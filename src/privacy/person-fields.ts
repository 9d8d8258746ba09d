/**
 * Fields that hold a person's Xurrent id, by name with case, `_` and `-` ignored: `person_id`,
 * `personId`, `person_nodeID` (the webhook envelope's actor), `requested_by_id`, `member_id`, …
 */
const PERSON_ID_FIELDS = new Set(['personid', 'personnodeid', 'requestedbyid', 'requestedforid', 'memberid', 'assigneeid', 'createdbyid', 'managerid', 'watcherid', 'userid']);
/** Fields that hold a person record (`person: { id, nodeID }`), as Xurrent's GraphQL and REST answers do. */
const PERSON_OBJECT_FIELDS = new Set(['person', 'requestedby', 'requestedfor', 'member', 'assignee', 'createdby', 'manager', 'watcher', 'user']);
/** Deeper than any record the service stores: a bound, not a limit in practice. */
const MAX_DEPTH = 32;

const normalized = (field: string): string => field.toLowerCase().replace(/[_-]/g, '');
const sameId = (value: unknown, personId: string): boolean => (typeof value === 'string' || typeof value === 'number') && String(value) === personId;

/**
 * True when parsed data names the person: a person field anywhere in it equals the id exactly.
 * Never a substring search: a short numeric id such as 17 occurs in timestamps, stream ids and
 * counters that have nothing to do with anyone.
 */
export function namesPerson(value: unknown, personId: string, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => namesPerson(item, personId, depth + 1));
  for (const [field, inner] of Object.entries(value)) {
    const name = normalized(field);
    if (PERSON_ID_FIELDS.has(name) && sameId(inner, personId)) return true;
    if (PERSON_OBJECT_FIELDS.has(name) && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      const record = inner as Record<string, unknown>;
      if (sameId(record['id'], personId) || sameId(record['nodeID'], personId) || sameId(record['nodeId'], personId)) return true;
    }
    if (namesPerson(inner, personId, depth + 1)) return true;
  }
  return false;
}
