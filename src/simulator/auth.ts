import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens the simulator accepts: personal access tokens and OAuth client-credentials tokens. */
export function createSimAuth(options: { oauthTokenTtlSeconds: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, { personId: string; expiresAt: number }>();
  const clients = new Map<string, { secret: string; personId: string }>();
  const secret = (label: string) => `${label}-${randomBytes(18).toString('base64url')}`;

  return {
    /** A personal access token acting as `personId`. */
    issuePersonalToken(personId: string): string {
      const token = secret('sim-pat');
      tokens.set(token, { personId, expiresAt: Number.POSITIVE_INFINITY });
      return token;
    },
    /** An OAuth application whose client-credentials tokens act as `personId`. */
    addOAuthClient(personId: string): { clientId: string; clientSecret: string } {
      const clientId = secret('sim-client');
      const clientSecret = secret('sim-secret');
      clients.set(clientId, { secret: clientSecret, personId });
      return { clientId, clientSecret };
    },
    /** The token endpoint's answer for a client-credentials grant (RFC 6749 errors on failure). */
    grant(form: Record<string, string | undefined>): { status: number; body: Record<string, unknown> } {
      if (form['grant_type'] !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
      const client = clients.get(form['client_id'] ?? '');
      if (!client || client.secret !== form['client_secret'])
        return { status: 400, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
      const token = secret('sim-oauth');
      tokens.set(token, { personId: client.personId, expiresAt: now() + options.oauthTokenTtlSeconds * 1000 });
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: options.oauthTokenTtlSeconds } };
    },
    /** The person behind a valid `Authorization: Bearer …` header, or undefined. */
    authenticate(header: string | undefined): { personId: string; label: string } | undefined {
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      const entry = token ? tokens.get(token) : undefined;
      if (!token || !entry || entry.expiresAt <= now()) return undefined;
      return { personId: entry.personId, label: createHash('sha256').update(token).digest('hex').slice(0, 12) };
    },
  };
}
export type SimAuth = ReturnType<typeof createSimAuth>;
