/**
 * Fields that hold a person's Xurrent id, by name with case, `_` and `-` ignored: `person_id`,
 * `personId`, `person_nodeID` (the webhook envelope's actor), `requested_by_id`, `member_id`, …,
 * and `by` (who excused a request's breaches, in its workflow state and report records).
 */
const PERSON_ID_FIELDS = new Set([
  'personid',
  'personnodeid',
  'requestedbyid',
  'requestedforid',
  'memberid',
  'assigneeid',
  'createdbyid',
  'managerid',
  'watcherid',
  'userid',
  'by',
]);
/** What a forgotten person's id is replaced by: the record stays, the person is no longer in it. */
export const FORGOTTEN = 'forgotten';
/** Fields of a person record that say who they are, dropped with the id. */
const PERSON_DETAIL_FIELDS = new Set(['name', 'email', 'primaryemail']);
/** Fields that hold a person record (`person: { id, nodeID }`), as Xurrent's GraphQL and REST answers do. */
const PERSON_OBJECT_FIELDS = new Set([
  'person',
  'requestedby',
  'requestedfor',
  'member',
  'assignee',
  'createdby',
  'manager',
  'watcher',
  'user',
]);
/** Deeper than any record the service stores: a bound, not a limit in practice. */
const MAX_DEPTH = 32;

const normalized = (field: string): string => field.toLowerCase().replace(/[_-]/g, '');
const sameId = (value: unknown, personId: string): boolean =>
  (typeof value === 'string' || typeof value === 'number') && String(value) === personId;

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
      if (namesPersonRecord(inner as Record<string, unknown>, personId)) return true;
    }
    if (namesPerson(inner, personId, depth + 1)) return true;
  }
  return false;
}

/**
 * A copy of parsed data with the person taken out: every person field equal to the id becomes
 * `FORGOTTEN`, and a person record naming them keeps only `id: FORGOTTEN` and whatever does not say
 * who they are. Everything else (request ids, instants, statuses) stays, so a request's SLA state,
 * its report records and its queued events survive the person's removal. `changed` is false when
 * the data did not name the person.
 */
export function withoutPerson(value: unknown, personId: string, depth = 0): { value: unknown; changed: boolean } {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return { value, changed: false };
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutPerson(item, personId, depth + 1));
    return items.some((item) => item.changed) ? { value: items.map((item) => item.value), changed: true } : { value, changed: false };
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    const name = normalized(field);
    if (PERSON_ID_FIELDS.has(name) && sameId(inner, personId)) {
      out[field] = FORGOTTEN;
      changed = true;
    } else if (
      PERSON_OBJECT_FIELDS.has(name) &&
      inner !== null &&
      typeof inner === 'object' &&
      !Array.isArray(inner) &&
      namesPersonRecord(inner as Record<string, unknown>, personId)
    ) {
      out[field] = Object.fromEntries(
        Object.entries(inner as Record<string, unknown>)
          .filter(([key]) => !PERSON_DETAIL_FIELDS.has(normalized(key)))
          .map(([key, v]) => [key, ['id', 'nodeid'].includes(normalized(key)) ? FORGOTTEN : v]),
      );
      changed = true;
    } else {
      const nested = withoutPerson(inner, personId, depth + 1);
      out[field] = nested.value;
      changed ||= nested.changed;
    }
  }
  return changed ? { value: out, changed } : { value, changed: false };
}

function namesPersonRecord(record: Record<string, unknown>, personId: string): boolean {
  return sameId(record['id'], personId) || sameId(record['nodeID'], personId) || sameId(record['nodeId'], personId);
}
