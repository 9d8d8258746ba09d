import type { SimChange, SimContext } from '../simulator/changes.js';
import type { Simulator } from '../simulator/index.js';
import { problemUpdate } from '../simulator/problem-mutations.js';
import { requestCreate, requestUpdate } from '../simulator/request-mutations.js';
import { createRootValue } from '../simulator/root.js';
import type { NameResolver } from './resolve-names.js';
import { ScenarioError, type ScenarioStep } from './scenario-schema.js';

export interface StepDeps {
  sim: Simulator;
  names: NameResolver;
  /** Scenario ref → request node id, filled as requests are created. */
  refs: Map<string, string>;
  /** Scenario ref → the customer named in its `create`, when one was. */
  customers?: Map<string, string>;
  /** Changes of `hold` steps, kept back until a `release` step: their webhooks arrive late. */
  held: SimChange[];
  /** Stops the service and starts it again (same Redis, prefix and port). */
  restartService(): Promise<void>;
  /** Stops the service, wipes its Redis and starts it again. */
  wipeService(): Promise<void>;
}

/** The agent who works the requests in scenarios (a seeded person of the demo account). */
const AGENT_NAME = 'Dana Agent';

/**
 * Carries out one step's action on the simulator directly, as the customer's requester (creates,
 * notes `by: requester`) or an agent of the provider (updates, problem updates, notes `by: agent`): straight to the store, so these changes are not
 * counted as the service's calls, then announced through the registered webhooks (or kept back
 * for a later `release` when the step says `hold`, to deliver them out of order).
 */
export async function performStep(step: ScenarioStep, deps: StepDeps): Promise<void> {
  const { sim, names, refs } = deps;
  const requestId = (ref: string, field: string) => refs.get(ref) ?? fail(`${field}.ref: no request "${ref}" was created before this step`);
  const act = (personId: string, mutate: (ctx: SimContext) => { errors?: { path: string[]; message: string }[] }) => {
    const ctx: SimContext = { personId, changes: [] };
    const refusedWith = mutate(ctx).errors ?? [];
    if (refusedWith.length > 0)
      fail(`the simulator refused the step: ${refusedWith.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
    if (step.hold) deps.held.push(...ctx.changes);
    // A lost webhook: Xurrent gave up on the delivery (or the webhook was disabled).
    else if (!step.lose) sim.webhooks.dispatch(ctx.changes);
  };
  const agent = () => names.person(AGENT_NAME);

  if (step.create) {
    const { ref, category, impact, subject, serviceInstance, description, customer } = step.create;
    if (refs.has(ref)) fail(`create.ref: request "${ref}" already exists`);
    const requester = customer ? names.customerRequester(customer) : sim.demo.customerId;
    if (customer) deps.customers?.set(ref, customer);
    const input = {
      subject,
      category,
      ...(impact ? { impact } : {}),
      ...(serviceInstance ? { serviceInstanceId: names.serviceInstance(serviceInstance) } : {}),
      ...(description ? { note: description } : {}),
    };
    act(requester, (ctx) => {
      const result = requestCreate(sim.store, ctx, input);
      const created = ctx.changes.find((change) => change.event === 'request.create');
      if (created) refs.set(ref, created.objectId);
      return result;
    });
  } else if (step.update) {
    const { ref, status, impact, team, serviceInstance, providerNotAccountable } = step.update;
    const input = {
      id: requestId(ref, 'update'),
      ...(status ? { status } : {}),
      ...(impact ? { impact } : {}),
      ...(team ? { teamId: names.team(team) } : {}),
      ...(serviceInstance ? { serviceInstanceId: names.serviceInstance(serviceInstance) } : {}),
      ...(providerNotAccountable !== undefined ? { providerNotAccountable } : {}),
      ...(status === 'completed' ? { completionReason: 'solved' } : {}),
    };
    act(agent(), (ctx) => requestUpdate(sim.store, ctx, input));
  } else if (step.note) {
    const { ref, text, internal, by } = step.note;
    const id = requestId(ref, 'note');
    const input = { ownerId: id, text, internal };
    // The requester is the request's requested-for person (in the customer's account).
    const requester = () => sim.store.requests.get(id)?.requestedForId ?? sim.demo.customerId;
    act(by === 'agent' ? agent() : requester(), (ctx) => createRootValue(sim.store).noteCreate({ input }, ctx));
  } else if (step.problem) {
    const { ref, status, knownError, workaround, analysisTargetAt, note } = step.problem;
    // Report refs number problems in the order they were opened, as the report does.
    const id =
      [...sim.store.problems.keys()][Number(ref.slice(1)) - 1] ?? fail(`problem.ref: no problem "${ref}" was opened before this step`);
    const input = {
      id,
      ...(status ? { status } : {}),
      ...(knownError !== undefined ? { knownError } : {}),
      ...(workaround ? { workaround } : {}),
      ...(analysisTargetAt ? { analysisTargetAt } : {}),
      ...(note ? { note } : {}),
    };
    act(agent(), (ctx) => problemUpdate(sim.store, ctx, input));
  } else if (step.xurrent) {
    const { ref, status } = step.xurrent;
    const supplierRequestId =
      sim.store.requests.get(requestId(ref, 'xurrent'))?.supplierRequestID ??
      fail(`xurrent.ref: request "${ref}" has no linked request at Xurrent yet`);
    const support =
      [...sim.accounts.values()].find((account) => account.store.requests.has(supplierRequestId)) ??
      fail(`xurrent.ref: the linked request of "${ref}" is not in a support account of the simulator`);
    const input = { id: supplierRequestId, status, ...(status === 'completed' ? { completionReason: 'solved' } : {}) };
    // Xurrent's support account sends this service no webhooks: the worker learns of it by polling.
    const ctx: SimContext = { personId: [...support.store.people.values()].find((p) => p.name === AGENT_NAME)?.id, changes: [] };
    const refusedWith = requestUpdate(support.store, ctx, input).errors ?? [];
    if (refusedWith.length > 0)
      fail(`the simulator refused the step: ${refusedWith.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
  } else if (step.redeliver) {
    const { ref, event, fresh } = step.redeliver;
    const id = requestId(ref, 'redeliver');
    const last = sim.webhooks.deliveries.filter((d) => d.objectNodeId === id && d.event === event).at(-1);
    if (!last) fail(`redeliver: no ${event} delivery of "${ref}" to send again`);
    sim.webhooks.redeliver(last.deliveryId, { fresh });
  } else if (step.release) {
    sim.webhooks.dispatch(deps.held.splice(0));
  } else if (step.restart) {
    await deps.restartService();
  } else if (step.wipe) {
    await deps.wipeService();
  }
}

function fail(message: string): never {
  throw new ScenarioError(message);
}
