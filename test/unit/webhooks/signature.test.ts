import { describe, expect, it, vi } from 'vitest';
import { DeliveryRejected } from '../../../webhooks/rejection.js';
import { createSignatureVerifier } from '../../../webhooks/signature.js';
import { AUDIENCE, createTestSigner, ISSUER, requestEnvelope } from '../../helpers/signing.js';

describe('signature verifier with several keys (one per webhook policy)', async () => {
  const signers = await Promise.all([createTestSigner('RS256'), createTestSigner('RS256'), createTestSigner('RS512')]);
  const stranger = await createTestSigner('RS256');
  const verify = createSignatureVerifier({
    config: {
      publicKeys: signers.map((s) => s.publicKeyPem),
      algorithms: ['RS256', 'RS512'],
      audience: AUDIENCE,
      discoverKeys: false,
      accountUrl: ISSUER,
    },
  });
  const refusal = (token: string) =>
    verify(token).then(
      () => 'accepted',
      (error: unknown) => (error instanceof DeliveryRejected ? error.answer : 'crashed'),
    );

  it('accepts each sender under its own key, again and again, whatever the order', async () => {
    for (const round of [0, 1, 2]) {
      for (const [i, signer] of signers.entries()) {
        const claims = await verify(await signer.sign(requestEnvelope(), { sub: String(i + 1) }));
        expect(claims.sub, `round ${round}`).toBe(String(i + 1));
      }
    }
  });

  it('still finds the right key when a sender moves to another policy (the remembered key is only tried first)', async () => {
    await verify(await signers[0].sign(requestEnvelope(), { sub: '40' }));
    await expect(verify(await signers[2].sign(requestEnvelope(), { sub: '40' }))).resolves.toMatchObject({ sub: '40' });
    await expect(verify(await signers[1].sign(requestEnvelope(), { sub: '40' }))).resolves.toMatchObject({ sub: '40' });
  });

  it('refuses a token of an unknown key or altered in one byte, even from a remembered sender', async () => {
    await verify(await signers[1].sign(requestEnvelope(), { sub: '50' }));
    expect(await refusal(await stranger.sign(requestEnvelope(), { sub: '50' }))).toBe('unauthorized');
    const token = await signers[1].sign(requestEnvelope(), { sub: '50' });
    const altered = `${token.slice(0, -6)}${token.slice(-6, -5) === 'A' ? 'B' : 'A'}${token.slice(-5)}`;
    expect(await refusal(altered)).toBe('unauthorized');
    expect(await refusal(await signers[1].sign(requestEnvelope(), { sub: '50', iss: 'https://other.xurrent.qa' }))).toBe('unauthorized');
  });
});

describe('signature verifier with keys of several types', async () => {
  const [rsa, p256, p384, p521] = await Promise.all([
    createTestSigner('RS256'),
    createTestSigner('ES256'),
    createTestSigner('ES384'),
    createTestSigner('ES512'),
  ]);
  const all = [rsa, p256, p384, p521];
  const config = { algorithms: ['RS256', 'ES256', 'ES384', 'ES512'] as const, audience: AUDIENCE, discoverKeys: false, accountUrl: ISSUER };

  it.each([
    ['RSA first', all],
    ['EC first', [p521, p384, p256, rsa]],
  ])('verifies each algorithm with the key of its type (%s), never stopping at a key of another type', async (_name, signers) => {
    const verify = createSignatureVerifier({ config: { ...config, publicKeys: signers.map((s) => s.publicKeyPem) } });
    for (const signer of all)
      await expect(verify(await signer.sign(requestEnvelope(), { sub: signer.alg }))).resolves.toMatchObject({ sub: signer.alg });
  });

  it('refuses with 401, not a crash, a token whose algorithm no configured key fits', async () => {
    const verify = createSignatureVerifier({ config: { ...config, publicKeys: [rsa.publicKeyPem, p384.publicKeyPem] } });
    await expect(verify(await p256.sign(requestEnvelope()))).rejects.toMatchObject({
      answer: 'unauthorized',
      reason: 'no configured key fits ES256',
    });
  });
});

describe('signature verifier claims', async () => {
  const signer = await createTestSigner('RS256');
  const base = {
    publicKeys: [signer.publicKeyPem],
    algorithms: ['RS256'] as const,
    audience: AUDIENCE,
    discoverKeys: false,
    accountUrl: ISSUER,
  };
  const reasonOf = (verify: ReturnType<typeof createSignatureVerifier>, token: string) =>
    verify(token).then(
      () => 'accepted',
      (error: unknown) => (error instanceof DeliveryRejected ? `${error.answer}: ${error.reason}` : 'crashed'),
    );

  it('requires a jti', async () => {
    const verify = createSignatureVerifier({ config: base });
    expect(await reasonOf(verify, await signer.sign(requestEnvelope(), { jti: undefined }))).toMatch(/^unauthorized: .*"jti"/);
  });

  it('requires exp only with the opt-in (XURRENT_WEBHOOK_REQUIRE_EXP)', async () => {
    const noExp = await signer.sign(requestEnvelope());
    const withExp = await signer.sign(requestEnvelope(), { exp: Math.floor(Date.now() / 1_000) + 600 });
    expect(await reasonOf(createSignatureVerifier({ config: base }), noExp)).toBe('accepted');
    const strict = createSignatureVerifier({ config: { ...base, requireExp: true } });
    expect(await reasonOf(strict, noExp)).toMatch(/^unauthorized: .*"exp"/);
    expect(await reasonOf(strict, withExp)).toBe('accepted');
  });
});

describe('cost of a refused token with four keys', async () => {
  const signers = await Promise.all([0, 1, 2, 3].map(() => createTestSigner('RS256')));
  const verify = createSignatureVerifier({
    config: {
      publicKeys: signers.map((s) => s.publicKeyPem),
      algorithms: ['RS256'],
      audience: AUDIENCE,
      discoverKeys: false,
      accountUrl: ISSUER,
    },
  });
  const parsesFor = async (token: string) => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await verify(token).catch(() => undefined);
      return parse.mock.calls.length;
    } finally {
      parse.mockRestore();
    }
  };

  it('decodes nothing of a token over 64 KiB, and only the header of one whose algorithm is not pinned', async () => {
    const big = await signers[0]!.sign(requestEnvelope({ name: 'x'.repeat(70_000) }));
    expect(await parsesFor(big)).toBe(0);
    const es = await (await createTestSigner('ES256')).sign(requestEnvelope());
    expect(await parsesFor(es)).toBe(1);
  });

  it('reads the payload for the key hint only when it is at most 8 KiB', async () => {
    const stranger = await createTestSigner('RS256');
    // The hint costs one parse of the payload (jose parses the header per key, never a payload whose signature fails).
    const small = await parsesFor(await stranger.sign(requestEnvelope()));
    const large = await parsesFor(await stranger.sign(requestEnvelope({ name: 'x'.repeat(9_000) })));
    expect(small - large).toBe(1);
  });
});
