import { z } from 'zod';
import { RequestEventJobSchema } from './jobs.js';

/** A problem changed in Xurrent; processed by the problem-management worker (a later issue). */
export const ProblemEventJobSchema = RequestEventJobSchema.omit({ requestNodeId: true }).extend({ problemNodeId: z.string().min(1) });
export type ProblemEventJob = z.infer<typeof ProblemEventJobSchema>;

/**
 * Call Xurrent's verification callback (docs/xurrent-api.md#verification-handshake). The callback carries a one-time code that
 * only proves endpoint ownership; it is never logged (only its host and path are).
 */
export const WebhookVerifyJobSchema = z.object({
  deliveryId: z.string().min(1),
  accountId: z.string().min(1),
  callback: z.url({ protocol: /^https$/ }),
  expiresAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
});
export type WebhookVerifyJob = z.infer<typeof WebhookVerifyJobSchema>;
