import { systemClock, type Clock } from '../clock.js';
import type { SimSlaHistory } from './sla-history.js';

/**
 * The simulator's in-memory Xurrent account: plain records keyed by node id. Relations are node
 * ids; `graph.ts` turns records into what the GraphQL schema asks for.
 */
/** `accountId`: the person's Xurrent account (`Person.account`); absent: the store's own account. */
export interface PersonRecord {
  id: string;
  name: string;
  primaryEmail: string;
  teamIds: string[];
  accountId?: string;
}
export interface TeamRecord {
  id: string;
  name: string;
}
export interface ServiceRecord {
  id: string;
  name: string;
}
export interface ServiceInstanceRecord {
  id: string;
  name: string;
  serviceId: string;
  supportTeamId: string;
}
export interface NoteRecord {
  id: string;
  ownerId: string;
  text: string;
  internal: boolean;
  personId: string | undefined;
  createdAt: string;
}

export interface RequestRecord {
  id: string;
  requestId: string;
  subject: string;
  category: string;
  impact: string | null;
  status: string;
  urgent: boolean;
  teamId: string | null;
  memberId: string | null;
  serviceInstanceId: string | null;
  requestedForId: string | null;
  requestedById: string | null;
  /** Who registered the request (`createdBy`); absent: the requested-by person. */
  createdById?: string | null;
  /** Xurrent's `providerNotAccountable` (the provider's SLA clock is stopped while true). */
  providerNotAccountable?: boolean;
  downtimeStartAt?: string | null;
  downtimeEndAt?: string | null;
  problemId: string | null;
  completionReason: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  responseTargetAt: string | null;
  resolutionTargetAt: string | null;
  waitingUntil: string | null;
  noteIds: string[];
  /** The supplier organization (break-fix escalation), when set. */
  supplierId?: string | null;
  /** People watching the request (`newWatches`), in the order they were added. */
  watcherIds?: string[];
  /** The supplier's reference for this request (break-fix: the linked request at Xurrent). */
  supplierRequestID?: string | null;
  /** Who registered the request for what (`source` / `sourceID`), so an integration finds its own requests. */
  source?: string | null;
  sourceID?: string | null;
  /** The affected SLA's clock history (`affectedSlas`), kept as status changes happen. */
  slaHistory?: SimSlaHistory;
  /** How often the request was reopened after completion. */
  reopenCount?: number;
}

export interface ProblemRecord {
  id: string;
  problemId: string;
  subject: string;
  category: string;
  impact: string | null;
  status: string;
  serviceId: string;
  teamId: string | null;
  workaround: string | null;
  knownError?: boolean;
  requestIds: string[];
  serviceInstanceIds: string[];
  createdAt: string;
  updatedAt: string;
  noteIds: string[];
  /** Who created the problem for what (`source` / `sourceID`), so an integration can find its own problems. */
  source?: string | null;
  sourceID?: string | null;
  managerId?: string | null;
  analysisTargetAt?: string | null;
  /** When the problem was last set to solved. */
  solvedAt?: string | null;
}

export type SimRecord = PersonRecord | TeamRecord | ServiceRecord | ServiceInstanceRecord | NoteRecord | RequestRecord | ProblemRecord;

export const TYPE_CODES = {
  Person: 'Person',
  Team: 'Team',
  Service: 'Svc',
  ServiceInstance: 'SerI',
  Note: 'Note',
  Request: 'Req',
  Problem: 'Pro',
} as const;
export type SimTypeName = keyof typeof TYPE_CODES;

export interface SimStore {
  account: string;
  /** Where every record timestamp comes from: real time, or the scenario runner's virtual clock. */
  clock: Clock;
  people: Map<string, PersonRecord>;
  teams: Map<string, TeamRecord>;
  services: Map<string, ServiceRecord>;
  serviceInstances: Map<string, ServiceInstanceRecord>;
  notes: Map<string, NoteRecord>;
  requests: Map<string, RequestRecord>;
  problems: Map<string, ProblemRecord>;
  /** Display names of the other accounts persons belong to (`Account.name`), by account id; absent: the id. */
  accountNames: Map<string, string>;
  /** The record behind a node id and its GraphQL type name. */
  find(id: string): { type: SimTypeName; record: SimRecord } | undefined;
  /** A fresh node id and its record number, Xurrent style: base64url("<account>.xurrent.sim/Req/7"). */
  nextId(type: SimTypeName): { id: string; number: number };
  /** The clock's "now" as an ISO instant, for record timestamps. */
  nowIso(): string;
}

export function createStore(account: string, clock: Clock = systemClock): SimStore {
  const counters = new Map<SimTypeName, number>();
  const store: SimStore = {
    account,
    clock,
    people: new Map(),
    teams: new Map(),
    services: new Map(),
    serviceInstances: new Map(),
    notes: new Map(),
    requests: new Map(),
    problems: new Map(),
    accountNames: new Map(),
    find(id) {
      const tables: [SimTypeName, Map<string, SimRecord>][] = [
        ['Request', store.requests],
        ['Problem', store.problems],
        ['Note', store.notes],
        ['Person', store.people],
        ['Team', store.teams],
        ['Service', store.services],
        ['ServiceInstance', store.serviceInstances],
      ];
      for (const [type, table] of tables) {
        const record = table.get(id);
        if (record) return { type, record };
      }
      return undefined;
    },
    nextId(type) {
      const number = (counters.get(type) ?? 0) + 1;
      counters.set(type, number);
      return { id: Buffer.from(`${account}.xurrent.sim/${TYPE_CODES[type]}/${number}`).toString('base64url'), number };
    },
    nowIso: () => new Date(clock.now()).toISOString(),
  };
  return store;
}
