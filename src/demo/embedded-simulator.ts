import type { EmbeddedXurrent, StartEmbeddedXurrent } from '../runtime/embedded-xurrent.js';
import { clientConfigFor } from '../simulator/client-config.js';
import { startSimulator, type Simulator } from '../simulator/index.js';
import { subscribeToSimulator } from './embedded-webhooks.js';

export interface EmbeddedSimulator extends EmbeddedXurrent {
  simulator: Simulator;
}

/** The embedded Xurrent of `npm start` and `npm run demo`: the simulator with its demo account. */
export const startEmbeddedSimulator: StartEmbeddedXurrent<EmbeddedSimulator> = async ({ extraAccounts }) => {
  const simulator = await startSimulator({ account: 'demo', extraAccounts });
  return {
    simulator,
    account: simulator.account,
    url: simulator.url,
    clientConfig: clientConfigFor(simulator),
    subscribe: (receiverUrl, base) => subscribeToSimulator(simulator, receiverUrl, base),
    close: () => simulator.close(),
  };
};
