import { numberOf, refused, type SimContext, type ValidationError } from './changes.js';
import { toGraph } from './graph.js';
import type { ProblemRecord, SimStore } from './store.js';

type Input = Record<string, unknown> & { clientMutationId?: string | null };

const optional = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function checkProblemInput(store: SimStore, input: Input): ValidationError[] {
  const errors: ValidationError[] = [];
  if (input['serviceId'] !== undefined && !store.services.has(input['serviceId'] as string))
    errors.push({ path: ['serviceId'], message: 'not found' });
  if (input['teamId'] !== undefined && !store.teams.has(input['teamId'] as string)) errors.push({ path: ['teamId'], message: 'not found' });
  if (input['managerId'] !== undefined && !store.people.has(input['managerId'] as string))
    errors.push({ path: ['managerId'], message: 'not found' });
  if (ids(input['requestIds']).some((id) => !store.requests.has(id))) errors.push({ path: ['requestIds'], message: 'not found' });
  return errors;
}

function linkRequests(store: SimStore, problem: ProblemRecord, requestIds: string[]): void {
  for (const id of requestIds) {
    const request = store.requests.get(id);
    if (request) request.problemId = problem.id;
    if (!problem.requestIds.includes(id)) problem.requestIds.push(id);
  }
}

function addNote(store: SimStore, ctx: SimContext, problem: ProblemRecord, text: unknown): void {
  if (typeof text !== 'string') return;
  const { id } = store.nextId('Note');
  store.notes.set(id, { id, ownerId: problem.id, text, internal: false, personId: ctx.personId, createdAt: store.nowIso() });
  problem.noteIds.push(id);
}

export function problemCreate(store: SimStore, ctx: SimContext, input: Input) {
  const errors = checkProblemInput(store, input);
  if (typeof input['subject'] !== 'string' || input['subject'].trim() === '') errors.push({ path: ['subject'], message: "can't be blank" });
  if (typeof input['serviceId'] !== 'string') errors.push({ path: ['serviceId'], message: "can't be blank" });
  if (errors.length > 0) return refused(errors, input.clientMutationId);
  const { id, number } = store.nextId('Problem');
  const now = store.nowIso();
  const problem: ProblemRecord = {
    id,
    problemId: String(number),
    subject: input['subject'] as string,
    category: (input['category'] as string | undefined) ?? 'reactive',
    impact: (input['impact'] as string | undefined) ?? null,
    status: (input['status'] as string | undefined) ?? 'assigned',
    serviceId: input['serviceId'] as string,
    teamId: (input['teamId'] as string | undefined) ?? null,
    workaround: (input['workaround'] as string | undefined) ?? null,
    knownError: input['knownError'] === true,
    requestIds: [],
    serviceInstanceIds: ids(input['serviceInstanceIds']),
    createdAt: now,
    updatedAt: now,
    noteIds: [],
    source: optional(input['source']),
    sourceID: optional(input['sourceID']),
    managerId: optional(input['managerId']),
    analysisTargetAt: optional(input['analysisTargetAt']),
  };
  store.problems.set(id, problem);
  linkRequests(store, problem, ids(input['requestIds']));
  addNote(store, ctx, problem, input['note']);
  ctx.changes.push({
    event: 'problem.create',
    objectId: id,
    objectNumber: number,
    personId: ctx.personId,
    payload: { status: problem.status },
  });
  return { problem: toGraph(store, 'Problem', problem), errors: [] };
}

export function problemUpdate(store: SimStore, ctx: SimContext, input: Input) {
  const problem = store.problems.get(input['id'] as string);
  if (!problem) return refused([{ path: ['id'], message: 'not found' }], input.clientMutationId);
  const errors = checkProblemInput(store, input);
  if (errors.length > 0) return refused(errors, input.clientMutationId);
  const previousStatus = problem.status;
  for (const key of ['subject', 'impact', 'status', 'teamId', 'workaround', 'serviceId', 'analysisTargetAt'] as const) {
    if (typeof input[key] === 'string') (problem as unknown as Record<string, unknown>)[key] = input[key];
  }
  if (typeof input['knownError'] === 'boolean') problem.knownError = input['knownError'];
  problem.updatedAt = store.nowIso();
  if (problem.status === 'solved' && previousStatus !== 'solved') problem.solvedAt = problem.updatedAt;
  linkRequests(store, problem, ids(input['requestIds'])); // appends: the documented semantics are unknown (docs/xurrent-api.md#open-questions)
  addNote(store, ctx, problem, input['note']);
  const base = { objectId: problem.id, objectNumber: numberOf(problem.id), personId: ctx.personId };
  ctx.changes.push({ ...base, event: 'problem.update', payload: { status: problem.status } });
  if (problem.status !== previousStatus)
    ctx.changes.push({ ...base, event: 'problem.status-changed', payload: { status: problem.status, previous_status: previousStatus } });
  return { problem: toGraph(store, 'Problem', problem), errors: [] };
}
