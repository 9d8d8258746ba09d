import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Clock } from '../clock.js';
import { loadXurrentSchema } from '../xurrent/sdl.js';
import { createSimAuth } from './auth.js';
import { createBudgets, XURRENT_BUDGETS, type BudgetSettings } from './budgets.js';
import type { SimCall } from './call-log.js';
import { createFaults } from './faults.js';
import { createRootValue } from './root.js';
import { seedDemoAccount, type DemoAccount } from './seed.js';
import { createSimHandler } from './server.js';
import { createStore, type SimStore } from './store.js';
import { createWebhookSender, type WebhookRegistration } from './webhooks.js';

export interface SimulatorOptions {
  /** The account id the simulator serves (X-Xurrent-Account must match). */
  account?: string;
  budgets?: Partial<BudgetSettings>;
  oauthTokenTtlSeconds?: number;
  webhooks?: WebhookRegistration[];
  /** Delay between webhook redelivery attempts. */
  webhookRetryDelayMs?: number;
  /**
   * Where record timestamps (created, updated, completed, notes, targets) come from; the system
   * clock by default, the scenario runner's virtual clock under simulation. Auth, budgets and the
   * webhook JWT claims stay on real time: they are checked against real time by their peers.
   */
  clock?: Clock;
  /**
   * Further accounts served beside the main one, each with its own seeded store, selected by the
   * X-Xurrent-Account header (e.g. the account that reaches Xurrent's support, for break-fix in
   * request mode). The same tokens reach them; their changes fire no webhooks.
   */
  extraAccounts?: readonly string[];
}

export interface SimAccount {
  store: SimStore;
  demo: DemoAccount;
}

/**
 * Starts an in-process Xurrent on a free loopback port: the schema-subset SDL executed against
 * an in-memory demo account, with Xurrent's headers, limits, errors, OAuth and webhooks.
 */
export async function startSimulator(options: SimulatorOptions = {}) {
  const account = options.account ?? 'demo';
  const store = createStore(account, options.clock);
  const demo: DemoAccount = seedDemoAccount(store);
  const auth = createSimAuth({ oauthTokenTtlSeconds: options.oauthTokenTtlSeconds ?? 3600 });
  const webhooks = createWebhookSender({
    store,
    ...(options.webhookRetryDelayMs !== undefined ? { retryDelayMs: options.webhookRetryDelayMs } : {}),
  });
  const webhookKeys: (string | undefined)[] = [];
  for (const registration of options.webhooks ?? []) webhookKeys.push((await webhooks.register(registration)).publicKeyPem);
  const accounts = new Map<string, SimAccount>();
  for (const name of options.extraAccounts ?? []) {
    if (name === account || accounts.has(name)) continue;
    const extraStore = createStore(name, options.clock);
    accounts.set(name, { store: extraStore, demo: seedDemoAccount(extraStore) });
  }
  const calls: SimCall[] = [];
  const faults = createFaults();
  const handler = createSimHandler({
    account,
    schema: loadXurrentSchema(),
    auth,
    faults,
    webhooks,
    calls,
    budgets: createBudgets({ ...XURRENT_BUDGETS, ...options.budgets }),
    root: createRootValue(store),
    otherRoots: new Map([...accounts].map(([name, extra]) => [name, createRootValue(extra.store)])),
  });

  const server = createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    account,
    url,
    graphqlUrl: `${url}/`,
    oauthTokenUrl: `${url}/token`,
    store,
    demo,
    /** The extra accounts by name (`extraAccounts`). */
    accounts: accounts as ReadonlyMap<string, SimAccount>,
    calls,
    faults,
    webhooks,
    /** Public key PEM of each signed webhook, in registration order (undefined when unsigned). */
    webhookPublicKeys: webhookKeys,
    /** A personal access token acting as the service's API user (or another person). */
    issueToken: (personId: string = demo.apiUserId) => auth.issuePersonalToken(personId),
    addOAuthClient: (personId: string = demo.apiUserId) => auth.addOAuthClient(personId),
    async close(): Promise<void> {
      await webhooks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
