const DAY_MS = 24 * 60 * 60 * 1_000;

export type CallbackCheck = { ok: true; url: URL; expiresAt: Date } | { ok: false; message: string };

/**
 * A `webhook.verify` callback we are willing to call: https on our account's own host (so a
 * delivery can never make us fetch an arbitrary URL), no credentials, default port. Its expiry is
 * the `expires_at` query parameter (epoch seconds), else 24 h after `receivedAt` (codes live 24 h).
 */
export function checkVerifyCallback(callback: string, accountUrl: string | undefined, receivedAt: Date): CallbackCheck {
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return { ok: false, message: 'must be a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'must be an https URL' };
  if (!accountUrl || url.host !== new URL(accountUrl).host || url.username || url.password) {
    return { ok: false, message: "must be on the account's Xurrent host" };
  }
  const expiresAtSeconds = Number(url.searchParams.get('expires_at'));
  const expiresAt = Number.isFinite(expiresAtSeconds) && expiresAtSeconds > 0 ? new Date(expiresAtSeconds * 1_000) : new Date(receivedAt.getTime() + DAY_MS);
  if (Number.isNaN(expiresAt.getTime())) return { ok: false, message: 'has an invalid expires_at' };
  return { ok: true, url, expiresAt };
}

/** What may be logged of a callback: host and path, never the one-time code. */
export const describeCallback = (url: URL): string => `${url.origin}${url.pathname}`;
