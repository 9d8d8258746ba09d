import type { WebhookConfig } from '../../schema/env/webhooks.js';
import type { Simulator } from '../simulator/index.js';

/** The request events the workflow reacts to, as the embedded simulator should announce them. */
const REQUEST_EVENTS = ['request.create', 'request.update', 'request.status-changed', 'request.note-added'] as const;

/**
 * Subscribes the receiver at `receiverUrl` to the embedded simulator's request events, signed under
 * a webhook policy as real Xurrent would sign them, and returns the webhook settings that accept
 * them (the policy's public key and the simulator's account and issuer added to the configured ones).
 */
export async function subscribeToSimulator(simulator: Simulator, receiverUrl: string, base: WebhookConfig): Promise<WebhookConfig> {
  const keys: string[] = [];
  for (const event of REQUEST_EVENTS) {
    const { publicKeyPem } = await simulator.webhooks.register({
      event,
      uri: `${receiverUrl}/webhooks/xurrent`,
      policy: { jwtAlg: 'RS256' },
    });
    if (publicKeyPem) keys.push(publicKeyPem);
  }
  return {
    ...base,
    publicKeys: [...base.publicKeys, ...keys],
    algorithms: base.algorithms.includes('RS256') ? base.algorithms : [...base.algorithms, 'RS256'],
    accountUrl: `https://${simulator.account}.xurrent.sim`,
    accounts: [...new Set([simulator.account, ...base.accounts])],
  };
}
