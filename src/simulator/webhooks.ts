import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimChange } from './changes.js';
import type { SimStore } from './store.js';
import { createWebhookSigner, type WebhookPolicy, type WebhookSigner } from './webhook-signer.js';

/** A webhook as registered in Xurrent: one event, one URI, optionally a signing policy. */
export interface WebhookRegistration {
  event: string;
  uri: string;
  policy?: WebhookPolicy;
}

export interface WebhookDelivery {
  deliveryId: string;
  event: string;
  uri: string;
  objectNodeId: string;
  signed: boolean;
  attempts: number;
  /** `pending` until the first attempt is answered; `error` when an attempt got no HTTP answer. */
  status: number | 'pending' | 'error';
}

const USER_AGENT = 'xurrent/1.0 (https://developer.xurrent.com/v1/webhooks)';

/** `Link` with the record's UI (canonical) and API (resource) URLs, as Xurrent sends it. */
function linkOf(account: string, change: SimChange): string {
  const kind = change.event.startsWith('problem.') ? 'problems' : 'requests';
  return `<https://${account}.xurrent.sim/${kind}/${change.objectNumber}>; rel="canonical", <https://api.xurrent.sim/v1/${kind}/${change.objectNumber}>; rel="resource"`;
}

/**
 * Sends Xurrent webhook deliveries for changes, as Xurrent does (docs/xurrent-api.md#webhook-delivery, #webhook-signing): a JSON
 * envelope, or `{"jwt": "<compact JWS>"}` under a policy; retried a few times on non-2xx.
 */
export function createWebhookSender(deps: {
  store: SimStore;
  fetch?: typeof globalThis.fetch;
  retryDelayMs?: number;
  maxAttempts?: number;
}) {
  const { store, fetch = globalThis.fetch, retryDelayMs = 200, maxAttempts = 3 } = deps;
  type Registered = WebhookRegistration & { id: number; nodeId: string; signer?: WebhookSigner };
  const registrations: Registered[] = [];
  const deliveries: WebhookDelivery[] = [];
  /** What each delivery sent, so it can be redelivered. */
  const sent = new Map<string, { hook: Registered; change: SimChange; body: string }>();
  const pending = new Set<Promise<void>>();
  const accountUrl = `https://${store.account}.xurrent.sim`;

  const envelopeOf = (hook: Registered, change: SimChange) => {
    const person = change.personId ? store.people.get(change.personId) : undefined;
    return {
      webhook_id: hook.id,
      webhook_nodeID: hook.nodeId,
      account_id: store.account,
      account: accountUrl,
      name: hook.event,
      event: change.event,
      object_id: change.objectNumber,
      object_nodeID: change.objectId,
      person_id: person ? Number(/\d+$/.exec(Buffer.from(person.id, 'base64url').toString())?.[0]) : null,
      person_nodeID: person?.id ?? null,
      person_name: person?.name ?? null,
      payload: change.payload,
    };
  };

  const post = async (record: WebhookDelivery, body: string, headers: Record<string, string>): Promise<void> => {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      record.attempts = attempt;
      const status = await fetch(record.uri, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 'error' as const,
      );
      record.status = status;
      if (typeof status === 'number' && status >= 200 && status < 300) return;
      await sleep(retryDelayMs * attempt);
    }
  };

  const deliver = async (hook: Registered, change: SimChange): Promise<void> => {
    const envelope = envelopeOf(hook, change);
    const body = hook.signer
      ? JSON.stringify({ jwt: await hook.signer.sign(envelope, { issuer: accountUrl, webhookId: hook.id }) })
      : JSON.stringify(envelope);
    const record: WebhookDelivery = {
      deliveryId: randomUUID(),
      event: change.event,
      uri: hook.uri,
      objectNodeId: change.objectId,
      signed: Boolean(hook.signer),
      attempts: 0,
      status: 'pending',
    };
    deliveries.push(record);
    sent.set(record.deliveryId, { hook, change, body });
    await post(record, body, headersOf(record.deliveryId, change));
  };

  const headersOf = (deliveryId: string, change: SimChange, origin?: string): Record<string, string> => ({
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': USER_AGENT,
    'X-Xurrent-Delivery': deliveryId,
    Link: linkOf(store.account, change),
    ...(origin ? { 'X-Xurrent-Delivery-Origin': origin } : {}),
  });

  const track = (delivery: Promise<void>): void => {
    const tracked = delivery.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  /** Fires the webhooks registered for these changes, in the background. */
  const dispatch = (changes: readonly SimChange[]): void => {
    for (const change of changes) {
      for (const hook of registrations.filter((h) => h.event === change.event)) track(deliver(hook, change));
    }
  };

  return {
    deliveries,
    /** Registers a webhook; returns the policy's public key PEM when the webhook is signed. */
    async register(registration: WebhookRegistration): Promise<{ id: number; publicKeyPem: string | undefined }> {
      const id = registrations.length + 1;
      const nodeId = Buffer.from(`${store.account}.xurrent.sim/Webhook/${id}`).toString('base64url');
      const signer = registration.policy ? await createWebhookSigner(registration.policy) : undefined;
      registrations.push({ ...registration, id, nodeId, ...(signer ? { signer } : {}) });
      return { id, publicKeyPem: signer?.publicKeyPem };
    },
    dispatch,
    /**
     * Sends a delivery again. By default as Xurrent redelivers: the same body under a new
     * delivery id naming the original in `X-Xurrent-Delivery-Origin`. `fresh` signs the same
     * event anew under a new id and no origin: a duplicate the receiver cannot recognise.
     */
    redeliver(deliveryId: string, options: { fresh?: boolean } = {}): void {
      const original = sent.get(deliveryId);
      if (!original) throw new Error(`no delivery ${deliveryId} to redeliver`);
      if (options.fresh) return track(deliver(original.hook, original.change));
      const { hook, change } = original;
      const record: WebhookDelivery = {
        deliveryId: randomUUID(),
        event: change.event,
        uri: hook.uri,
        objectNodeId: change.objectId,
        signed: Boolean(hook.signer),
        attempts: 0,
        status: 'pending',
      };
      deliveries.push(record);
      sent.set(record.deliveryId, original);
      track(post(record, original.body, headersOf(record.deliveryId, change, deliveryId)));
    },
    /** Resolves once every delivery started so far has finished. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
export type WebhookSender = ReturnType<typeof createWebhookSender>;
