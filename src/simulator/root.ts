import { numberOf, refused, type SimContext } from './changes.js';
import { toConnection, type ConnectionArgs } from './connection.js';
import { toGraph } from './graph.js';
import { problemCreate, problemUpdate } from './problem-mutations.js';
import { payloadOf, requestCreate, requestUpdate } from './request-mutations.js';
import type { SimStore } from './store.js';

interface ValuesFilter {
  values?: readonly string[] | null;
  negate?: boolean | null;
}
interface TimestampFilter {
  greaterThan?: string | null;
  greaterThanOrEqualTo?: string | null;
  lessThan?: string | null;
  lessThanOrEqualTo?: string | null;
}
interface RecordFilter {
  query?: string | null;
  status?: ValuesFilter | null;
  serviceInstance?: ValuesFilter | null;
  team?: ValuesFilter | null;
  updatedAt?: TimestampFilter | null;
}

/** A range on an ISO instant (Xurrent's `updatedAt: { greaterThanOrEqualTo: … }`); bounds compared as instants. */
function inRange(filter: TimestampFilter | null | undefined, iso: string): boolean {
  if (!filter) return true;
  const at = Date.parse(iso);
  const bound = (value: string | null | undefined) => (value ? Date.parse(value) : undefined);
  const [gt, gte, lt, lte] = [filter.greaterThan, filter.greaterThanOrEqualTo, filter.lessThan, filter.lessThanOrEqualTo].map(bound);
  return (
    (gt === undefined || at > gt) && (gte === undefined || at >= gte) && (lt === undefined || at < lt) && (lte === undefined || at <= lte)
  );
}

const matches = (filter: ValuesFilter | null | undefined, value: string | null | undefined) =>
  !filter?.values || filter.values.includes(value ?? '') !== Boolean(filter.negate);

function filtered<T extends { subject: string; status: string; teamId: string | null; updatedAt: string }>(
  items: Iterable<T>,
  filter: RecordFilter | null | undefined,
  instanceOf: (item: T) => readonly string[],
) {
  return [...items].filter(
    (item) =>
      (!filter?.query || item.subject.toLowerCase().includes(filter.query.toLowerCase())) &&
      matches(filter?.status, item.status) &&
      matches(filter?.team, item.teamId) &&
      inRange(filter?.updatedAt, item.updatedAt) &&
      (!filter?.serviceInstance?.values || instanceOf(item).some((id) => matches(filter.serviceInstance, id))),
  );
}

/** The root value graphql-js executes against: Query and Mutation fields of the SDL (`rateLimit` is added per call). */
export function createRootValue(store: SimStore) {
  type Args<T> = { input: T };
  type Input = Record<string, unknown>;
  return {
    node: ({ id }: { id: string }) => {
      const found = store.find(id);
      return found ? toGraph(store, found.type, found.record) : null;
    },
    requests: (args: ConnectionArgs & { filter?: RecordFilter }) =>
      toConnection(
        filtered(store.requests.values(), args.filter, (r) => (r.serviceInstanceId ? [r.serviceInstanceId] : [])).map((r) =>
          toGraph(store, 'Request', r),
        ),
        args,
      ),
    problems: (args: ConnectionArgs & { filter?: RecordFilter }) =>
      toConnection(
        filtered(store.problems.values(), args.filter, (p) => p.serviceInstanceIds).map((p) => toGraph(store, 'Problem', p)),
        args,
      ),
    me: (_args: unknown, ctx: SimContext) => (ctx.personId ? toGraph(store, 'Person', store.people.get(ctx.personId)) : null),

    requestCreate: ({ input }: Args<Input>, ctx: SimContext) => requestCreate(store, ctx, input),
    requestUpdate: ({ input }: Args<Input>, ctx: SimContext) => requestUpdate(store, ctx, input),
    problemCreate: ({ input }: Args<Input>, ctx: SimContext) => problemCreate(store, ctx, input),
    problemUpdate: ({ input }: Args<Input>, ctx: SimContext) => problemUpdate(store, ctx, input),
    noteCreate: (
      { input }: Args<{ ownerId: string; text: string; internal?: boolean | null; clientMutationId?: string | null }>,
      ctx: SimContext,
    ) => {
      const owner = store.requests.get(input.ownerId) ?? store.problems.get(input.ownerId);
      if (!owner) return refused([{ path: ['ownerId'], message: 'not found' }], input.clientMutationId);
      if (input.text.trim() === '') return refused([{ path: ['text'], message: "can't be blank" }], input.clientMutationId);
      const { id } = store.nextId('Note');
      store.notes.set(id, {
        id,
        ownerId: owner.id,
        text: input.text,
        internal: input.internal === true,
        personId: ctx.personId,
        createdAt: store.nowIso(),
      });
      owner.noteIds.push(id);
      const request = store.requests.get(owner.id);
      const isRequest = request !== undefined;
      const payload = request ? payloadOf(store, request) : { status: owner.status };
      ctx.changes.push({
        event: `${isRequest ? 'request' : 'problem'}.note-added`,
        objectId: owner.id,
        objectNumber: numberOf(owner.id),
        personId: ctx.personId,
        payload: { ...payload, note_id: numberOf(id), note_nodeID: id },
      });
      return { note: toGraph(store, 'Note', store.notes.get(id)), errors: [] };
    },
  };
}
