import type { XurrentConfig } from '../../schema/env/xurrent.js';
import type { Logger } from '../../src/logger.js';
import { clientConfigFor } from '../../src/simulator/client-config.js';
import type { Simulator } from '../../src/simulator/index.js';
import { createXurrentClient, type XurrentClient } from '../../src/xurrent/client.js';
import type { XurrentLimiter } from '../../src/xurrent/limiter.js';

/** Client configuration pointing at a running simulator, with a fresh token and a short test timeout. */
export function simulatorConfig(sim: Simulator, overrides: Partial<XurrentConfig> = {}): XurrentConfig {
  return clientConfigFor(sim, { timeoutMs: 2_000, ...overrides });
}

export function simulatorClient(
  sim: Simulator,
  logger: Logger,
  options: { config?: Partial<XurrentConfig>; limiter?: XurrentLimiter } = {},
): XurrentClient {
  return createXurrentClient({
    config: simulatorConfig(sim, options.config),
    logger,
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
}
