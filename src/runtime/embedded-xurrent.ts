import type { WebhookConfig } from '../../schema/env/webhooks.js';
import type { XurrentConfig } from '../../schema/env/xurrent.js';

/**
 * A stand-in for Xurrent running inside the process, for `npm start` without credentials outside
 * production. Development code provides it (src/demo/embedded-simulator.ts, loaded by
 * src/main-dev.ts); production code only knows this shape, so the simulator stays out of `dist/`.
 */
export interface EmbeddedXurrent {
  account: string;
  url: string;
  /** How the workers' client reaches it. */
  clientConfig: XurrentConfig;
  /** Subscribes the receiver at `receiverUrl` to its events; returns the webhook settings that accept them. */
  subscribe(receiverUrl: string, base: WebhookConfig): Promise<WebhookConfig>;
  close(): Promise<void>;
}

/** Starts one, serving the break-fix support account too when there is one. */
export type StartEmbeddedXurrent<E extends EmbeddedXurrent = EmbeddedXurrent> = (options: { extraAccounts: string[] }) => Promise<E>;
