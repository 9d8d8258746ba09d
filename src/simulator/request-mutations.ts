import { numberOf, refused, type SimContext, type ValidationError } from './changes.js';
import { toGraph } from './graph.js';
import { startSlaHistory, trackAccountability, trackStatusChange } from './sla-history.js';
import type { RequestRecord, SimStore } from './store.js';

type Input = Record<string, unknown> & { clientMutationId?: string | null };

const HOUR = 3_600_000;
const optionalText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const RESOLUTION_HOURS: Record<string, number> = { top: 4, high: 8, medium: 24, low: 40 };

/** Checks that every `…Id` input names an existing record of the right kind. */
function checkRefs(store: SimStore, input: Input, refs: Record<string, Map<string, unknown>>): ValidationError[] {
  return Object.entries(refs)
    .filter(([key, table]) => typeof input[key] === 'string' && !table.has(input[key]))
    .map(([key]) => ({ path: [key], message: 'not found' }));
}

const refTables = (store: SimStore) => ({
  teamId: store.teams,
  memberId: store.people,
  serviceInstanceId: store.serviceInstances,
  requestedForId: store.people,
  requestedById: store.people,
  problemId: store.problems,
});

function addNote(store: SimStore, ctx: SimContext, ownerId: string, text: string, internal: boolean): string {
  const { id } = store.nextId('Note');
  store.notes.set(id, { id, ownerId, text, internal, personId: ctx.personId, createdAt: store.nowIso() });
  return id;
}

export function requestCreate(store: SimStore, ctx: SimContext, input: Input) {
  const errors = checkRefs(store, input, refTables(store));
  if (typeof input['subject'] !== 'string' || input['subject'].trim() === '') errors.push({ path: ['subject'], message: "can't be blank" });
  if (errors.length > 0) return refused(errors, input.clientMutationId);
  const { id, number } = store.nextId('Request');
  const now = store.clock.now();
  const impact = (input['impact'] as string | undefined) ?? 'low';
  const instance = input['serviceInstanceId'] ? store.serviceInstances.get(input['serviceInstanceId'] as string) : undefined;
  const record: RequestRecord = {
    id,
    requestId: String(number),
    subject: input['subject'] as string,
    category: (input['category'] as string | undefined) ?? 'incident',
    impact,
    status: 'assigned',
    urgent: input['urgent'] === true,
    teamId: (input['teamId'] as string | undefined) ?? instance?.supportTeamId ?? null,
    memberId: (input['memberId'] as string | undefined) ?? null,
    serviceInstanceId: instance?.id ?? null,
    requestedForId: (input['requestedForId'] as string | undefined) ?? ctx.personId ?? null,
    requestedById: (input['requestedById'] as string | undefined) ?? ctx.personId ?? null,
    createdById: ctx.personId ?? null,
    problemId: null,
    completionReason: null,
    providerNotAccountable: input['providerNotAccountable'] === true,
    downtimeStartAt: optionalText(input['downtimeStartAt']),
    downtimeEndAt: optionalText(input['downtimeEndAt']),
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    completedAt: null,
    responseTargetAt: new Date(now + HOUR).toISOString(),
    resolutionTargetAt: new Date(now + (RESOLUTION_HOURS[impact] ?? 40) * HOUR).toISOString(),
    waitingUntil: null,
    noteIds: [],
    slaHistory: startSlaHistory(new Date(now).toISOString()),
    source: optionalText(input['source']),
    sourceID: optionalText(input['sourceID']),
    supplierRequestID: optionalText(input['supplierRequestID']),
  };
  store.requests.set(id, record);
  if (typeof input['note'] === 'string') record.noteIds.push(addNote(store, ctx, id, input['note'], false));
  if (typeof input['internalNote'] === 'string') record.noteIds.push(addNote(store, ctx, id, input['internalNote'], true));
  ctx.changes.push({
    event: 'request.create',
    objectId: id,
    objectNumber: number,
    personId: ctx.personId,
    payload: payloadOf(store, record),
  });
  return {
    request: toGraph(store, 'Request', record),
    errors: [],
    ...(input.clientMutationId ? { clientMutationId: input.clientMutationId } : {}),
  };
}

const UPDATABLE = [
  'subject',
  'category',
  'impact',
  'status',
  'urgent',
  'teamId',
  'memberId',
  'serviceInstanceId',
  'problemId',
  'completionReason',
  'waitingUntil',
  'supplierId',
  'supplierRequestID',
  'source',
  'sourceID',
  'providerNotAccountable',
  'downtimeStartAt',
  'downtimeEndAt',
  'requestedForId',
] as const;

export function requestUpdate(store: SimStore, ctx: SimContext, input: Input) {
  const record = store.requests.get(input['id'] as string);
  if (!record) return refused([{ path: ['id'], message: 'not found' }], input.clientMutationId);
  const errors = checkRefs(store, input, refTables(store));
  const completing = input['status'] === 'completed' && record.status !== 'completed';
  if (completing && !input['completionReason'] && !record.completionReason)
    errors.push({ path: ['completionReason'], message: "can't be blank when the status is completed" });
  if (errors.length > 0) return refused(errors, input.clientMutationId);

  const previousStatus = record.status;
  const wasNotAccountable = record.providerNotAccountable ?? false;
  const target = record as unknown as Record<string, unknown>;
  for (const key of UPDATABLE) if (input[key] !== undefined && input[key] !== null) target[key] = input[key];
  record.updatedAt = store.nowIso();
  if (completing) record.completedAt = record.updatedAt;
  trackStatusChange(record, previousStatus, record.updatedAt);
  trackAccountability(record, wasNotAccountable, record.updatedAt);
  const noteIds: string[] = [];
  if (typeof input['note'] === 'string') noteIds.push(addNote(store, ctx, record.id, input['note'], false));
  if (typeof input['internalNote'] === 'string') noteIds.push(addNote(store, ctx, record.id, input['internalNote'], true));
  record.noteIds.push(...noteIds);
  for (const watch of Array.isArray(input['newWatches']) ? (input['newWatches'] as { personId?: string }[]) : []) {
    if (watch.personId && !record.watcherIds?.includes(watch.personId)) record.watcherIds = [...(record.watcherIds ?? []), watch.personId];
  }

  const change = (event: string, extra: Record<string, unknown> = {}) =>
    ctx.changes.push({
      event,
      objectId: record.id,
      objectNumber: numberOf(record.id),
      personId: ctx.personId,
      payload: { ...payloadOf(store, record), ...extra },
    });
  change('request.update');
  if (record.status !== previousStatus) change('request.status-changed', { previous_status: previousStatus });
  for (const noteId of noteIds) change('request.note-added', { note_id: numberOf(noteId), note_nodeID: noteId });
  return {
    request: toGraph(store, 'Request', record),
    errors: [],
    ...(input.clientMutationId ? { clientMutationId: input.clientMutationId } : {}),
  };
}

/** The `payload` of a request webhook (docs/xurrent-api.md#webhook-delivery): status, team, source. */
export function payloadOf(store: SimStore, record: RequestRecord): Record<string, unknown> {
  const team = record.teamId ? store.teams.get(record.teamId) : undefined;
  return {
    status: record.status,
    ...(team
      ? { team: { id: numberOf(team.id), nodeID: team.id, name: team.name, account: { id: store.account, name: store.account } } }
      : {}),
  };
}
