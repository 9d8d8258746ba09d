import { describe, expect, it } from 'vitest';
import { createNameResolver } from '../../../../src/scenario/resolve-names.js';
import { seedDemoAccount } from '../../../../src/simulator/seed.js';
import { createStore } from '../../../../src/simulator/store.js';

function setup() {
  const store = createStore('demo');
  const demo = seedDemoAccount(store);
  return { store, demo, names: createNameResolver({ store, demo }) };
}

describe('createNameResolver', () => {
  it('creates named people, teams and service instances once and substitutes their ids', () => {
    const { store, names } = setup();
    const config = names.config({
      ESCALATION_L1_PERSON_ID: 'Sam Support Manager',
      ESCALATION_L2_PERSON_ID: 'Sam Support Manager',
      SUPPORT_TEAM_ID: 'Night Shift',
      XURRENT_SERVICE_INSTANCE_IDS: 'Xurrent Production, Mail',
      SLA_WARNING_PERCENT: '75',
    });
    const sam = [...store.people.values()].find((p) => p.name === 'Sam Support Manager');
    expect(sam?.primaryEmail).toBe('sam.support.manager@scenario.example');
    expect(config['ESCALATION_L1_PERSON_ID']).toBe(sam?.id);
    expect(config['ESCALATION_L2_PERSON_ID']).toBe(sam?.id);
    expect(store.teams.get(config['SUPPORT_TEAM_ID'] ?? '')?.name).toBe('Night Shift');
    const instances = (config['XURRENT_SERVICE_INSTANCE_IDS'] ?? '').split(',').map((id) => store.serviceInstances.get(id)?.name);
    expect(instances).toEqual(['Xurrent Production', 'Mail']);
    expect(config['SLA_WARNING_PERCENT']).toBe('75');
    expect(names.serviceInstance('Mail')).toBe((config['XURRENT_SERVICE_INSTANCE_IDS'] ?? '').split(',')[1]);
  });

  it('resolves the service instances and teams named inside ROUTING_RULES, leaving the rest of the rule text', () => {
    const { store, demo, names } = setup();
    const { ROUTING_RULES: rules } = names.config({
      ROUTING_RULES: 'service_instance:Mail,impact:high => first:Mail first line,second:Service Desk; * => first:General',
    });
    const mail = names.serviceInstance('Mail');
    const team = (name: string) => [...store.teams.values()].find((t) => t.name === name)?.id;
    expect(rules).toBe(
      `service_instance:${mail},impact:high => first:${team('Mail first line')},second:${demo.teamIds.serviceDesk}; * => first:${team('General')}`,
    );
  });

  it('keeps ids of existing records and finds seeded records by name', () => {
    const { demo, names } = setup();
    expect(names.config({ PROBLEM_MANAGER_ID: demo.apiUserId })).toEqual({ PROBLEM_MANAGER_ID: demo.apiUserId });
    expect(names.person('Chris Customer')).toBe(demo.customerId);
  });

  it('gives an organization name a stable node id (the simulator keeps no organizations)', () => {
    const { names } = setup();
    const first = names.config({ XURRENT_SUPPLIER_ORGANIZATION_ID: 'Xurrent B.V.' })['XURRENT_SUPPLIER_ORGANIZATION_ID'];
    expect(Buffer.from(first ?? '', 'base64url').toString()).toBe('demo.xurrent.sim/Org/1');
    expect(names.config({ OTHER_ORGANIZATION_ID: 'Xurrent B.V.' })['OTHER_ORGANIZATION_ID']).toBe(first);
  });
});
