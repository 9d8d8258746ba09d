/**
 * Issuers we accept: the account URL `https://<account>.<domain>` and, with key discovery, the
 * webhook-policy URL `https://<account>.<domain>/webhook_policies/<name>` (docs/xurrent-api.md#webhook-signing).
 * Returns the issuer when it is one of ours, else undefined.
 */
export function acceptedIssuer(iss: unknown, accountUrl: string | undefined): string | undefined {
  if (typeof iss !== 'string' || !accountUrl) return undefined;
  if (iss === accountUrl) return iss;
  const policy = iss.startsWith(`${accountUrl}/webhook_policies/`) ? iss.slice(accountUrl.length + '/webhook_policies/'.length) : undefined;
  return policy !== undefined && /^[A-Za-z0-9_.-]{1,100}$/.test(policy) && policy !== '.' && policy !== '..' ? iss : undefined;
}
