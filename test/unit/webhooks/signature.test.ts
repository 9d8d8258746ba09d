import { describe, expect, it } from 'vitest';
import { DeliveryRejected } from '../../../webhooks/rejection.js';
import { createSignatureVerifier } from '../../../webhooks/signature.js';
import { AUDIENCE, createTestSigner, ISSUER, requestEnvelope } from '../../helpers/signing.js';

describe('signature verifier with several keys (one per webhook policy)', async () => {
  const signers = await Promise.all([createTestSigner('RS256'), createTestSigner('RS256'), createTestSigner('RS512')]);
  const stranger = await createTestSigner('RS256');
  const verify = createSignatureVerifier({
    config: { publicKeys: signers.map((s) => s.publicKeyPem), algorithms: ['RS256', 'RS512'], audience: AUDIENCE, discoverKeys: false, accountUrl: ISSUER },
  });
  const refusal = (token: string) => verify(token).then(() => 'accepted', (error: unknown) => (error instanceof DeliveryRejected ? error.answer : 'crashed'));

  it('accepts each sender under its own key, again and again, whatever the order', async () => {
    for (const round of [0, 1, 2]) {
      for (const [i, signer] of signers.entries()) {
        const claims = await verify(await signer.sign(requestEnvelope(), { sub: String(i + 1) }));
        expect(claims.sub, `round ${round}`).toBe(String(i + 1));
      }
    }
  });

  it('still finds the right key when a sender moves to another policy (the remembered key is only tried first)', async () => {
    await verify(await signers[0]!.sign(requestEnvelope(), { sub: '40' }));
    await expect(verify(await signers[2]!.sign(requestEnvelope(), { sub: '40' }))).resolves.toMatchObject({ sub: '40' });
    await expect(verify(await signers[1]!.sign(requestEnvelope(), { sub: '40' }))).resolves.toMatchObject({ sub: '40' });
  });

  it('refuses a token of an unknown key or altered in one byte, even from a remembered sender', async () => {
    await verify(await signers[1]!.sign(requestEnvelope(), { sub: '50' }));
    expect(await refusal(await stranger.sign(requestEnvelope(), { sub: '50' }))).toBe('unauthorized');
    const token = await signers[1]!.sign(requestEnvelope(), { sub: '50' });
    const altered = `${token.slice(0, -6)}${token.slice(-6, -5) === 'A' ? 'B' : 'A'}${token.slice(-5)}`;
    expect(await refusal(altered)).toBe('unauthorized');
    expect(await refusal(await signers[1]!.sign(requestEnvelope(), { sub: '50', iss: 'https://other.xurrent.qa' }))).toBe('unauthorized');
  });
});
