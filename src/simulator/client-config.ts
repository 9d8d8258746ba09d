import type { XurrentConfig } from '../../schema/env/xurrent.js';
import type { Simulator } from './index.js';

/** How a client reaches this simulator: its account and URLs, with a fresh personal access token. */
export function clientConfigFor(simulator: Simulator, overrides: Partial<XurrentConfig> = {}): XurrentConfig {
  return {
    account: simulator.account,
    graphqlUrl: simulator.graphqlUrl,
    oauthTokenUrl: simulator.oauthTokenUrl,
    auth: { kind: 'token', token: simulator.issueToken() },
    timeoutMs: 10_000,
    ...overrides,
  };
}
