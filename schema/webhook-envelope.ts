import { z } from 'zod';

/**
 * Xurrent's webhook envelope (developer.xurrent.com/v1/webhooks, "Webhook message").
 * Unknown keys are kept: Xurrent adds fields over time and we must not refuse them.
 */
export const WebhookEnvelopeSchema = z.looseObject({
  webhook_id: z.union([z.number(), z.string()]),
  webhook_nodeID: z.string().optional(),
  account_id: z.string().min(1),
  account: z.string().optional(),
  name: z.string().optional(),
  event: z.string().min(1).max(100),
  object_id: z.union([z.number(), z.string()]).optional(),
  object_nodeID: z.string().min(1).max(200).optional(),
  person_id: z.union([z.number(), z.string()]).nullish(),
  person_nodeID: z.string().nullish(),
  person_name: z.string().nullish(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelopeSchema>;
