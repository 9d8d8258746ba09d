import type { Simulator } from '../simulator/index.js';

/** Config variables whose values name records: a person, team, organization or service instance(s). */
const NAMED_VARIABLE = /(_PERSON_ID|_TEAM_ID|_ORGANIZATION_ID|_SERVICE_INSTANCE_IDS?|^PROBLEM_MANAGER_ID)$/;

type Kind = 'person' | 'team' | 'organization' | 'serviceInstance';

function kindOf(variable: string): Kind | undefined {
  if (!NAMED_VARIABLE.test(variable)) return undefined;
  if (variable.endsWith('_TEAM_ID')) return 'team';
  if (variable.endsWith('_ORGANIZATION_ID')) return 'organization';
  if (/_SERVICE_INSTANCE_IDS?$/.test(variable)) return 'serviceInstance';
  return 'person';
}

/** `service_instance:<name>`, `first:<name>`, `second:<name>` in ROUTING_RULES (a name ends at `,`, `;` or `=>`). */
const ROUTING_NAME = /\b(service_instance|first|second):([^,;=]+?)(?=\s*(?:,|;|=>|$))/g;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '') || 'someone';

/**
 * Finds or creates the simulator records a scenario names, so scenarios read as prose
 * ("Sam Support Manager") while the service gets node ids. A value that already is the id of an
 * existing record stays. The simulator keeps no organizations, so an organization name gets a
 * stable node id of its own (nothing in the simulator looks it up).
 */
export function createNameResolver(sim: Pick<Simulator, 'store' | 'demo'>) {
  const { store, demo } = sim;
  const organizations = new Map<string, string>();

  const findOrCreate = (kind: Kind, name: string): string => {
    if (store.find(name)) return name;
    if (kind === 'organization') {
      const known = organizations.get(name);
      if (known) return known;
      const id = Buffer.from(`${store.account}.xurrent.sim/Org/${organizations.size + 1}`).toString('base64url');
      organizations.set(name, id);
      return id;
    }
    const table = kind === 'person' ? store.people : kind === 'team' ? store.teams : store.serviceInstances;
    const existing = [...table.values()].find((record) => record.name === name);
    if (existing) return existing.id;
    const { id } = store.nextId(kind === 'person' ? 'Person' : kind === 'team' ? 'Team' : 'ServiceInstance');
    if (kind === 'person') store.people.set(id, { id, name, primaryEmail: `${slug(name)}@scenario.example`, teamIds: [] });
    if (kind === 'team') store.teams.set(id, { id, name });
    if (kind === 'serviceInstance')
      store.serviceInstances.set(id, { id, name, serviceId: demo.serviceIds.email, supportTeamId: demo.teamIds.serviceDesk });
    return id;
  };

  return {
    /**
     * The requester of a customer (by name): a person in that customer's own Xurrent account
     * (`Person.account`), created on first use. Used by `create.customer`.
     */
    customerRequester(customer: string): string {
      const name = `${customer} requester`;
      const existing = [...store.people.values()].find((p) => p.name === name);
      if (existing) return existing.id;
      const { id } = store.nextId('Person');
      store.people.set(id, { id, name, primaryEmail: `requester@${slug(customer)}.example`, teamIds: [], accountId: slug(customer) });
      // The customer's account keeps the name the scenario gave it, as Xurrent's Account.name does.
      store.accountNames.set(slug(customer), customer);
      return id;
    },
    /** A service instance by name or id. */
    serviceInstance: (name: string) => findOrCreate('serviceInstance', name),
    /** A person by name or id. */
    person: (name: string) => findOrCreate('person', name),
    /** A team by name or id. */
    team: (name: string) => findOrCreate('team', name),
    /** The scenario's config with every named record replaced by its node id (lists stay comma-separated). */
    config(config: Readonly<Record<string, string>>): Record<string, string> {
      return Object.fromEntries(
        Object.entries(config).map(([variable, value]) => {
          // Routing rules name service instances and teams inside the rule text.
          if (variable === 'ROUTING_RULES')
            return [
              variable,
              value.replace(
                ROUTING_NAME,
                (_all, key: string, name: string) =>
                  `${key}:${findOrCreate(key === 'service_instance' ? 'serviceInstance' : 'team', name.trim())}`,
              ),
            ];
          const kind = kindOf(variable);
          if (!kind || value.trim() === '') return [variable, value];
          const names = variable.endsWith('_IDS')
            ? value
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean)
            : [value.trim()];
          return [variable, names.map((name) => findOrCreate(kind, name)).join(',')];
        }),
      );
    },
  };
}
export type NameResolver = ReturnType<typeof createNameResolver>;
