import { z } from 'zod';

/** An instant with an explicit zone (Z or an offset), so a scenario means the same everywhere. */
const instant = z.iso.datetime({ offset: true });
const ref = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a short name of letters, digits, _ or -');
const impact = z.enum(['top', 'high', 'medium', 'low']);
const webhookEvent = z.enum(['request.create', 'request.update', 'request.status-changed', 'request.note-added']);

const create = z.strictObject({
  ref,
  category: z.string().min(1).default('incident'),
  impact: impact.optional(),
  subject: z.string().min(1).default('Scenario request'),
  /** A service instance by name (created on first use) or node id. */
  serviceInstance: z.string().min(1).optional(),
  /** The request's first note, which Xurrent shows as its description (written by the customer). */
  description: z.string().min(1).optional(),
  /**
   * The customer (a name) whose requester registers the request: a person of that customer's own
   * Xurrent account. Absent: the demo customer (Chris Customer, account `customer`).
   */
  customer: z.string().min(1).max(100).optional(),
});

/**
 * An agent's change; `team` (by name or node id) is a manual assignment; `providerNotAccountable`
 * sets Xurrent's field of that name (the provider's clocks stop while it is true).
 */
const update = z.strictObject({
  ref,
  status: z.string().min(1).optional(),
  impact: impact.optional(),
  team: z.string().min(1).optional(),
  serviceInstance: z.string().min(1).optional(),
  providerNotAccountable: z.boolean().optional(),
});

/**
 * A note on a request, by `requester` (the request's requested-for person, in the customer's account)
 * or `agent` (Dana Agent, a person of the provider's account). Default: the requester for a public
 * note, an agent for an internal one (a requester cannot write internal notes).
 */
const note = z
  .strictObject({ ref, text: z.string().min(1), internal: z.boolean().default(false), by: z.enum(['requester', 'agent']).optional() })
  .superRefine((n, ctx) => {
    if (n.internal && n.by === 'requester')
      ctx.addIssue({ code: 'custom', path: ['by'], message: 'a requester cannot write an internal note' });
  })
  .transform((n) => ({ ...n, by: n.by ?? (n.internal ? ('agent' as const) : ('requester' as const)) }));

/** An agent works a problem the worker opened, by its report ref (`p1` = the first problem opened). */
const problem = z.strictObject({
  ref: z.string().regex(/^p\d+$/, 'must be a problem ref of the report, e.g. p1'),
  status: z.enum(['assigned', 'accepted', 'in_progress', 'analyzed', 'solved', 'declined']).optional(),
  knownError: z.boolean().optional(),
  workaround: z.string().min(1).optional(),
  /** The problem manager agrees another RCA target (Xurrent's `analysisTargetAt`). */
  analysisTargetAt: z.string().datetime({ offset: true }).optional(),
  /** A note on the problem by the agent (e.g. the RCA report with its tag). */
  note: z.string().min(1).optional(),
});

/** An agent at Xurrent's support updates the linked request the worker registered for request `ref` (break-fix, request mode). */
const xurrent = z.strictObject({
  ref,
  status: z.enum(['assigned', 'accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed']),
});

/** Sends a request's last delivery of `event` again: as Xurrent redelivers, or `fresh` (re-signed, new id). */
const redeliver = z.strictObject({ ref, event: webhookEvent, fresh: z.boolean().default(false) });

/**
 * One step at one instant: at most one action. Beyond the issue's create/update/note, `problem` (an
 * agent updates a problem the worker opened, e.g. solves it), `xurrent` (an agent at Xurrent's support
 * updates the linked request of a break-fix in request mode), `redeliver`
 * (duplicate deliveries), `hold` (this step's webhooks are kept back) with `release` (send the
 * kept-back webhooks now, late), `restart` (stop the service and start it anew on the same Redis),
 * `lose` (this step's webhooks never arrive, as when Xurrent gives up on a delivery or disabled the
 * webhook) and `wipe` (stop the service, wipe its Redis, start it again: a disaster recovery).
 */
const step = z
  .strictObject({
    at: instant,
    create: create.optional(),
    update: update.optional(),
    note: note.optional(),
    problem: problem.optional(),
    xurrent: xurrent.optional(),
    redeliver: redeliver.optional(),
    release: z.literal(true).optional(),
    restart: z.literal(true).optional(),
    wipe: z.literal(true).optional(),
    hold: z.literal(true).optional(),
    lose: z.literal(true).optional(),
  })
  .superRefine((s, ctx) => {
    const actions = (['create', 'update', 'note', 'problem', 'xurrent', 'redeliver', 'release', 'restart', 'wipe'] as const).filter(
      (key) => s[key] !== undefined,
    );
    if (actions.length > 1)
      ctx.addIssue({ code: 'custom', path: [actions[1] as string], message: `one action per step (found ${actions.join(', ')})` });
    if (s.hold && !(s.create || s.update || s.note))
      ctx.addIssue({ code: 'custom', path: ['hold'], message: 'only a create, update or note step can hold its webhooks' });
    if (s.lose && !(s.create || s.update || s.note))
      ctx.addIssue({ code: 'custom', path: ['lose'], message: 'only a create, update or note step can lose its webhooks' });
    if (s.lose && s.hold) ctx.addIssue({ code: 'custom', path: ['lose'], message: 'a step either holds or loses its webhooks' });
  });

export const ScenarioSchema = z
  .strictObject({
    /** Environment variables for the service; names of people, teams and service instances allowed. */
    config: z
      .record(
        z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an environment variable name'),
        z.union([z.string(), z.number(), z.boolean()]).transform(String),
      )
      .default({}),
    steps: z.array(step).min(1),
  })
  .superRefine((scenario, ctx) => {
    scenario.steps.forEach((s, index) => {
      const previous = scenario.steps[index - 1];
      if (previous && Date.parse(s.at) < Date.parse(previous.at)) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'at'], message: `goes back in time (before ${previous.at})` });
      }
    });
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];

/** A scenario that cannot run as written; the message names the field. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** Validates a scenario, throwing a ScenarioError that names every bad field (`steps.2.update.status: …`). */
export function parseScenario(input: unknown): Scenario {
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(scenario)'}: ${issue.message}`);
  throw new ScenarioError(`invalid scenario:\n  ${lines.join('\n  ')}`);
}
