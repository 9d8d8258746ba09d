import type { SimStore } from './store.js';

/** The customer account of the demo's customer (`Person.account` / `Note.account` of the requester). */
export const DEMO_CUSTOMER_ACCOUNT = 'customer';

export interface DemoAccount {
  /** The person the service's token acts as (the support worker's API user). */
  apiUserId: string;
  /** A customer who registers requests in the demo. */
  customerId: string;
  teamIds: { serviceDesk: string; xurrentSupport: string };
  serviceInstanceIds: { email: string; xurrent: string };
  serviceIds: { email: string; xurrent: string };
}

/**
 * A small demo account: two teams, three people, and service instances including one for the
 * Xurrent service itself (where escalations to Xurrent's own support land).
 */
export function seedDemoAccount(store: SimStore): DemoAccount {
  const team = (name: string) => {
    const { id } = store.nextId('Team');
    store.teams.set(id, { id, name });
    return id;
  };
  const person = (name: string, primaryEmail: string, teamIds: string[], accountId?: string) => {
    const { id } = store.nextId('Person');
    store.people.set(id, { id, name, primaryEmail, teamIds, ...(accountId ? { accountId } : {}) });
    return id;
  };
  const service = (name: string) => {
    const { id } = store.nextId('Service');
    store.services.set(id, { id, name });
    return id;
  };
  const instance = (name: string, serviceId: string, supportTeamId: string) => {
    const { id } = store.nextId('ServiceInstance');
    store.serviceInstances.set(id, { id, name, serviceId, supportTeamId });
    return id;
  };

  const serviceDesk = team('Service Desk');
  const xurrentSupport = team('Xurrent Application Management');
  const apiUserId = person('Support Worker (API)', 'support-worker@demo.example', [serviceDesk]);
  person('Dana Agent', 'dana@demo.example', [serviceDesk, xurrentSupport]);
  // The customer's people live in the customer's own account, reaching the provider through the trust.
  const customerId = person('Chris Customer', 'chris@customer.example', [], DEMO_CUSTOMER_ACCOUNT);
  const emailService = service('E-mail');
  const xurrentService = service('Xurrent');
  return {
    apiUserId,
    customerId,
    teamIds: { serviceDesk, xurrentSupport },
    serviceIds: { email: emailService, xurrent: xurrentService },
    serviceInstanceIds: {
      email: instance('E-mail Production', emailService, serviceDesk),
      xurrent: instance('Xurrent Production (demo account)', xurrentService, xurrentSupport),
    },
  };
}
