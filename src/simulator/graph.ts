import type {
  NoteRecord,
  PersonRecord,
  ProblemRecord,
  RequestRecord,
  ServiceInstanceRecord,
  SimRecord,
  SimStore,
  SimTypeName,
} from './store.js';
import { toConnection, type ConnectionArgs } from './connection.js';
import { startSlaHistory } from './sla-history.js';

/**
 * Turns store records into objects graphql-js can resolve with its default resolvers: scalar
 * fields as properties, relations and connections as functions of their arguments.
 */
export type GraphObject = Record<string, unknown> & { __typename: SimTypeName };

const accountOf = (store: SimStore, id: string = store.account) => ({
  id,
  name: store.accountNames.get(id) ?? id,
  url: `https://${id}.xurrent.sim`,
});

export function toGraph(store: SimStore, type: SimTypeName, record: SimRecord | undefined): GraphObject | null {
  if (!record) return null;
  const ref = <K extends SimTypeName>(refType: K, id: string | null | undefined) =>
    id ? toGraph(store, refType, store.find(id)?.record) : null;
  const many = (refType: SimTypeName, ids: readonly string[]) => (args: ConnectionArgs) =>
    toConnection(
      ids.map((id) => ref(refType, id)).filter((n) => n !== null),
      args,
    );
  const base = { __typename: type, ...record, account: accountOf(store) } as GraphObject;

  switch (type) {
    case 'Request': {
      const r = record as RequestRecord;
      return {
        ...base,
        team: ref('Team', r.teamId),
        member: ref('Person', r.memberId),
        requestedFor: ref('Person', r.requestedForId),
        requestedBy: ref('Person', r.requestedById),
        createdBy: ref('Person', r.createdById ?? r.requestedById),
        providerNotAccountable: r.providerNotAccountable ?? false,
        downtimeStartAt: r.downtimeStartAt ?? null,
        downtimeEndAt: r.downtimeEndAt ?? null,
        serviceInstance: ref('ServiceInstance', r.serviceInstanceId),
        problem: ref('Problem', r.problemId),
        notes: many('Note', r.noteIds),
        nextTargetAt: nextTargetOf(r.status, r.responseTargetAt, r.resolutionTargetAt, r.noteIds.length),
        reopenCount: r.reopenCount ?? 0,
        affectedSlas: (args: ConnectionArgs) => toConnection([affectedSlaOf(store, r)], args),
      };
    }
    case 'Problem': {
      const p = record as ProblemRecord;
      return {
        ...base,
        service: ref('Service', p.serviceId),
        team: ref('Team', p.teamId),
        manager: ref('Person', p.managerId),
        requests: many('Request', p.requestIds),
        serviceInstances: many('ServiceInstance', p.serviceInstanceIds),
        notes: many('Note', p.noteIds),
        knownError: p.knownError ?? false,
      };
    }
    case 'Note': {
      // A note is written in its author's account (a customer's note through the trust is the customer account's).
      const n = record as NoteRecord;
      const author = n.personId ? store.people.get(n.personId) : undefined;
      return {
        ...base,
        account: accountOf(store, author?.accountId),
        person: ref('Person', n.personId),
        medium: 'default',
        visibility: n.internal ? 'specialist' : 'end_user',
      };
    }
    case 'Person': {
      const p = record as PersonRecord;
      return { ...base, account: accountOf(store, p.accountId), teams: many('Team', p.teamIds) };
    }
    case 'ServiceInstance': {
      const s = record as ServiceInstanceRecord;
      return { ...base, service: ref('Service', s.serviceId), supportTeam: ref('Team', s.supportTeamId), status: 'in_production' };
    }
    case 'Team': {
      const members = [...store.people.values()].filter((p) => p.teamIds.includes(record.id)).map((p) => p.id);
      return { ...base, members: many('Person', members) };
    }
    default:
      return base;
  }
}

/**
 * Simplified target rule (docs/xurrent-api.md#request-status-and-targets): completed → none; waiting for the customer → the clock
 * is stopped; otherwise the response target until someone responded (a note), then the resolution target.
 */
function nextTargetOf(status: string, response: string | null, resolution: string | null, noteCount: number): string | null {
  if (status === 'completed') return null;
  if (status === 'waiting_for_customer') return 'clock_stopped';
  const target = noteCount === 0 ? response : resolution;
  return target ?? 'best_effort';
}

/** The request's one affected SLA, from the store's SLA history (a simplified `AffectedSla`). */
function affectedSlaOf(store: SimStore, r: RequestRecord): Record<string, unknown> {
  const sla = r.slaHistory ?? startSlaHistory(r.createdAt);
  return {
    __typename: 'AffectedSla',
    id: `${r.id}-sla`,
    startedAt: sla.startedAt,
    impact: r.impact,
    accountability: 'provider',
    actualResponseAt: sla.actualResponseAt,
    actualResolutionAt: sla.actualResolutionAt,
    stoppedClockPeriods: sla.stoppedClockPeriods.map((p) => ({
      from: p.from,
      to: p.to,
      providerNotAccountable: p.providerNotAccountable ?? false,
    })),
    providerNotAccountable: r.providerNotAccountable ?? false,
    responseTargetAt: r.responseTargetAt,
    resolutionTargetAt: r.resolutionTargetAt,
    serviceInstance: r.serviceInstanceId ? toGraph(store, 'ServiceInstance', store.serviceInstances.get(r.serviceInstanceId)) : null,
  };
}
