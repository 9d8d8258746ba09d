import type { z } from 'zod';
import { ActionableFieldsSchema, WebhookEnvelopeSchema, type WebhookEnvelope } from '../schema/webhook-envelope.js';
import { isKnownEvent } from '../schema/webhook-events.js';
import { payloadSchemaFor } from '../schema/webhook-payloads.js';
import { DeliveryRejected } from './rejection.js';

/** Rejection naming the first failing field path (prefixed, e.g. `payload.status`), never the value. */
function invalidAt(error: z.ZodError, prefix: readonly PropertyKey[] = []): DeliveryRejected {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map(String).join('.') || '(body)';
  const message = issue?.message ?? 'invalid';
  return new DeliveryRejected('invalid', `schema failure at ${path}: ${message}`, { path, message });
}

/**
 * The envelope of a delivery, validated: its shape, then the account (403 unless ours or a
 * customer's), then, for events we act on, the record id and the event's payload.
 */
export function validateEnvelope(input: unknown, accounts: readonly string[]): WebhookEnvelope {
  const envelope = WebhookEnvelopeSchema.safeParse(input);
  if (!envelope.success) throw invalidAt(envelope.error);
  const account = envelope.data.account_id.toLowerCase();
  if (!accounts.includes(account)) throw new DeliveryRejected('forbidden', `account not accepted: ${account.slice(0, 100)}`);
  const event = envelope.data.event;
  const payloadSchema = payloadSchemaFor(event);
  if (!payloadSchema) return envelope.data;
  if (event !== 'webhook.verify') {
    const actionable = ActionableFieldsSchema.safeParse(envelope.data);
    if (!actionable.success) throw invalidAt(actionable.error);
  }
  const payload = payloadSchema.safeParse(envelope.data.payload);
  if (!payload.success) throw invalidAt(payload.error, ['payload']);
  return envelope.data;
}

/** Event names as counted in metrics: unknown names are one bucket, so senders cannot grow the map. */
export const eventLabel = (event: string): string => (isKnownEvent(event) ? event : '(unknown)');
