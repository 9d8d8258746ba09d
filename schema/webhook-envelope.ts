import { z } from 'zod';

const IdSchema = z.union([z.number().int(), z.string().min(1).max(200)]);

/**
 * Xurrent's webhook envelope (developer.xurrent.com/v1/webhooks, "Webhook message"; docs/xurrent-api.md#webhook-delivery).
 * Unknown keys are kept: Xurrent adds fields over time and we must not refuse them.
 */
export const WebhookEnvelopeSchema = z.looseObject({
  webhook_id: IdSchema,
  webhook_nodeID: z.string().max(200).optional(),
  account_id: z.string().min(1).max(100),
  account: z.string().max(300).optional(),
  custom_url: z.string().max(300).nullish(),
  name: z.string().max(500).optional(),
  event: z.string().min(1).max(100),
  object_id: IdSchema.optional(),
  object_nodeID: z.string().min(1).max(200).optional(),
  person_id: z.union([IdSchema, z.literal('')]).nullish(),
  person_nodeID: z.string().max(200).nullish(),
  person_name: z.string().max(500).nullish(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelopeSchema>;

/** Events we act on must name the record they are about. */
export const ActionableEnvelopeSchema = WebhookEnvelopeSchema.extend({ object_nodeID: z.string().min(1).max(200) });

/** The one field `ActionableEnvelopeSchema` adds, to check on an already validated envelope without parsing it twice. */
export const ActionableFieldsSchema = ActionableEnvelopeSchema.pick({ object_nodeID: true });
