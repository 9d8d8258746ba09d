import { z } from 'zod';
import { isProblemEvent, isRequestEvent } from './webhook-events.js';

const IdSchema = z.union([z.number().int(), z.string().min(1).max(200)]);

/** `team` / `member` in a payload: `{ id, nodeID, name, sourceID, disabled, account { id, name } }`; null when removed. */
const AssigneeSchema = z
  .looseObject({
    id: IdSchema.optional(),
    nodeID: z.string().max(200).optional(),
    name: z.string().max(500).optional(),
    sourceID: z.string().max(500).nullish(),
    disabled: z.boolean().optional(),
    account: z.looseObject({ id: z.string().max(100).optional(), name: z.string().max(500).optional() }).optional(),
  })
  .nullish();

/** Keys present "only when applicable" (docs/xurrent-api.md#webhook-delivery), so each is optional unless the event guarantees it. */
export const ChangePayloadSchema = z.looseObject({
  audit_line_id: IdSchema.optional(),
  audit_line_nodeID: z.string().max(200).optional(),
  note_id: IdSchema.optional(),
  note_nodeID: z.string().max(200).optional(),
  source: z.string().max(500).nullish(),
  sourceID: z.string().max(500).nullish(),
  status: z.string().min(1).max(100).optional(),
  previous_status: z.string().max(100).nullish(),
  team: AssigneeSchema,
  member: AssigneeSchema,
});

/** `*.status-changed` always carries the new status. */
export const StatusChangedPayloadSchema = ChangePayloadSchema.extend({ status: z.string().min(1).max(100) });

/** `webhook.verify`: the URL to call to prove we own the endpoint (docs/xurrent-api.md#verification-handshake). */
export const WebhookVerifyPayloadSchema = z.looseObject({
  callback: z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2_000),
});

/** The payload schema of an event we act on, or undefined for events we only acknowledge. */
export function payloadSchemaFor(event: string): z.ZodType | undefined {
  if (event === 'webhook.verify') return WebhookVerifyPayloadSchema;
  if (!isRequestEvent(event) && !isProblemEvent(event)) return undefined;
  return event.endsWith('.status-changed') ? StatusChangedPayloadSchema : ChangePayloadSchema;
}
