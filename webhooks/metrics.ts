import { ANSWERS, type AnswerName } from './respond.js';

/**
 * Why a delivery ended as it did; `ignored-known` / `ignored-unknown` / `ignored-own-echo` (the worker's
 * own write coming back) are acknowledged but not queued.
 */
export type DeliveryOutcome = Exclude<AnswerName, 'ignored'> | 'ignored-known' | 'ignored-unknown' | 'ignored-own-echo';

export interface WebhookMetrics {
  record(outcome: DeliveryOutcome, event?: string): void;
  /** Counts per outcome and per (outcome, event); `/metrics` gets them through `onDelivery` (prom-client). */
  snapshot(): { outcomes: Record<string, number>; events: Record<string, number> };
}

/** Also told of every delivery (the Prometheus counters of `/metrics`), with the HTTP status it got. */
export type OnDelivery = (outcome: DeliveryOutcome, status: number, event: string | undefined) => void;

/** In-process counters for webhook intake, kept in one place. */
export function createWebhookMetrics(onDelivery?: OnDelivery): WebhookMetrics {
  const outcomes = new Map<string, number>();
  const events = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    record(outcome, event) {
      bump(outcomes, outcome);
      if (event) bump(events, `${outcome} ${event.slice(0, 100)}`);
      onDelivery?.(outcome, statusOf(outcome), event?.slice(0, 100));
    },
    snapshot: () => ({ outcomes: Object.fromEntries(outcomes), events: Object.fromEntries(events) }),
  };
}

export function statusOf(outcome: DeliveryOutcome): number {
  return ANSWERS[outcome === 'ignored-known' || outcome === 'ignored-unknown' || outcome === 'ignored-own-echo' ? 'ignored' : outcome]
    .status;
}
