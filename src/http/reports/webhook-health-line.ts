import { DateTime } from 'luxon';
import type { ResyncStatus } from '../../resync/resync-state.js';
import { escapeHtml as h } from './html.js';

/**
 * The dashboard's webhook-health line, from the sweep's status (src/resync/resync-state.ts): when
 * the last sweep ran, the webhooks it found missed (last sweep, and in all), and its warning (set
 * while changes arrive that no webhook brought: Xurrent may have disabled the webhook). `null`: the
 * status could not be read; `lastSweepAtMs` null: no sweep has run yet; undefined: not wired in
 * this build (no line).
 */
export function renderWebhookHealth(status: ResyncStatus | null | undefined, zone: string): string {
  if (status === undefined) return '';
  if (status === null) return line('unknown', 'Webhooks: sweep status could not be read.');
  if (status.lastSweepAtMs === null) return line('unknown', 'Webhooks: no reconciliation sweep has run yet.');
  const when = DateTime.fromMillis(status.lastSweepAtMs, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const figures = `last sweep ${when}; missed webhooks: ${status.missedTotal} in all, ${status.lastSweepMissed} in the last sweep`;
  if (status.warning === null) return line('ok', `Webhooks: ${figures}; no warning.`);
  return line('warning', `Webhooks: ${figures}. Warning: ${status.warning}`);
}

function line(state: 'ok' | 'warning' | 'unknown', text: string): string {
  return `<p class="webhook-health" data-webhook-health="${state}">${h(text)}</p>`;
}
