import { randomBytes } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

/** A webhook policy as Xurrent keeps it: algorithm, optional audience and expiry, and its key pair. */
export interface WebhookPolicy {
  jwtAlg: 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512';
  jwtAudience?: string;
  /** Minutes; sets `exp` when given. */
  jwtClaimExpiresIn?: number;
}

export interface WebhookSigner {
  /** The policy's public key, as Xurrent returns it once in `publicKeyPem`. */
  publicKeyPem: string;
  /** The compact JWS whose `data` claim is the envelope (docs/xurrent-api.md#webhook-signing). */
  sign(envelope: Record<string, unknown>, claims: { issuer: string; webhookId: number }): Promise<string>;
}

export async function createWebhookSigner(policy: WebhookPolicy): Promise<WebhookSigner> {
  const { privateKey, publicKey } = await generateKeyPair(policy.jwtAlg, { extractable: true });
  return {
    publicKeyPem: await exportSPKI(publicKey),
    async sign(envelope, { issuer, webhookId }) {
      // Real time on purpose, even under the scenario runner's virtual clock: the receiver checks
      // iat/nbf against its real clock, and a token "issued" in a virtual future would be refused.
      const now = Math.floor(Date.now() / 1000);
      let jwt = new SignJWT({ data: envelope })
        .setProtectedHeader({ alg: policy.jwtAlg, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(String(webhookId))
        .setIssuedAt(now)
        .setNotBefore(now)
        .setJti(randomBytes(32).toString('hex'));
      if (policy.jwtAudience) jwt = jwt.setAudience(policy.jwtAudience);
      if (policy.jwtClaimExpiresIn) jwt = jwt.setExpirationTime(now + policy.jwtClaimExpiresIn * 60);
      return jwt.sign(privateKey);
    },
  };
}
