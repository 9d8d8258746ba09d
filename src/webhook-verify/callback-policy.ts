import { isIP } from 'node:net';
import { MS_PER_DAY } from '../domain/calendar/weekly-hours.js';

/** Printable ASCII only: the URL parser silently drops tabs and CR/LF, so they are refused before it runs. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export type CallbackCheck = { ok: true; url: URL; expiresAt: Date } | { ok: false; message: string };

/** Where a `webhook.verify` callback may point: `https://<account>.<domain>` for one of these domains. */
export interface CallbackPolicy {
  /** The account that sent the delivery (already accepted). */
  accountId: string;
  /** XURRENT_DOMAIN first, then XURRENT_WEBHOOK_CALLBACK_DOMAINS (e.g. a 4me domain during the rebrand). */
  domains: readonly string[];
}

/**
 * A `webhook.verify` callback we are willing to call: https on the sending account's own Xurrent
 * host, so a delivery can never make us fetch an internal address (no IP literal, no localhost, no
 * credentials, no port, no control characters that could split a request line). Its expiry is the
 * `expires_at` query parameter (epoch seconds), else 24 h after `receivedAt` (codes live 24 h).
 */
export function checkVerifyCallback(callback: string, policy: CallbackPolicy, receivedAt: Date): CallbackCheck {
  if (!PRINTABLE_ASCII.test(callback) || callback.includes('\\'))
    return refuse('must not contain spaces, control characters, backslashes or non-ASCII');
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return refuse('must be a URL');
  }
  if (url.protocol !== 'https:') return refuse('must be an https URL');
  if (url.username || url.password) return refuse('must not carry credentials');
  if (url.port !== '') return refuse('must use the default https port');
  const host = url.hostname;
  if (isIP(host) !== 0 || host.startsWith('[')) return refuse('must not be an IP address');
  if (host === 'localhost' || host.endsWith('.localhost')) return refuse('must not be localhost');
  const account = policy.accountId.toLowerCase();
  if (!policy.domains.some((domain) => host === `${account}.${domain.toLowerCase()}`))
    return refuse("must be on the account's Xurrent host");
  const expiresAtSeconds = Number(url.searchParams.get('expires_at'));
  const expiresAt =
    Number.isFinite(expiresAtSeconds) && expiresAtSeconds > 0
      ? new Date(expiresAtSeconds * 1_000)
      : new Date(receivedAt.getTime() + MS_PER_DAY);
  if (Number.isNaN(expiresAt.getTime())) return refuse('has an invalid expires_at');
  return { ok: true, url, expiresAt };
}

const refuse = (message: string): CallbackCheck => ({ ok: false, message });

/** What may be logged of a callback: host and path, never the one-time code. */
export const describeCallback = (url: URL): string => `${url.origin}${url.pathname}`;
