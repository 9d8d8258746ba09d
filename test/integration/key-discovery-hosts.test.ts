import { createPublicKey } from 'node:crypto';
import { base64url, exportJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUDIENCE, createTestSigner, requestEnvelope, type TestSigner } from '../helpers/signing.js';
import { discoveryIntake, DISCOVERY_ENV, POLICY_ISSUER } from './key-discovery-intake.js';

const { start, deliver } = discoveryIntake();

/** A fake Xurrent serving discovery documents; records every URL asked for. */
async function fakeXurrent(signer: TestSigner, jwksUri = `${POLICY_ISSUER}/jwks`) {
  const jwk = { ...(await exportJWK(createPublicKey(signer.publicKeyPem))), kid: 'key-1', use: 'sig', alg: 'RS256' };
  const asked: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    if (url === `${POLICY_ISSUER}/.well-known/openid-configuration`) return Response.json({ issuer: POLICY_ISSUER, jwks_uri: jwksUri });
    if (url === jwksUri) return Response.json({ keys: [jwk] });
    return new Response('not found', { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, asked };
}

describe('key discovery (XURRENT_WEBHOOK_JWKS=discover)', () => {
  it('verifies with the key named by kid, fetched once from the issuer host and cached', async () => {
    const signer = await createTestSigner();
    const xurrent = await fakeXurrent(signer);
    await start(DISCOVERY_ENV, { fetch: xurrent.fetch });
    for (let i = 0; i < 3; i += 1) {
      expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(202);
    }
    expect(xurrent.asked).toEqual([`${POLICY_ISSUER}/.well-known/openid-configuration`, `${POLICY_ISSUER}/jwks`]);
  });

  it('refuses a wrong kid with 401', async () => {
    const signer = await createTestSigner();
    const intake = await start(DISCOVERY_ENV, { fetch: (await fakeXurrent(signer)).fetch });
    expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-2' }))).status).toBe(401);
    expect(await intake.jobCount()).toBe(0);
  });

  it('never fetches for a foreign issuer', async () => {
    const signer = await createTestSigner();
    const xurrent = await fakeXurrent(signer);
    await start(DISCOVERY_ENV, { fetch: xurrent.fetch });
    const token = await signer.sign(requestEnvelope(), { iss: 'https://evil.example/webhook_policies/wp-1' }, { kid: 'key-1' });
    expect((await deliver(token)).status).toBe(401);
    expect(xurrent.asked).toEqual([]);
  });

  it('refuses a jwks_uri on another host with 401', async () => {
    const signer = await createTestSigner();
    const xurrent = await fakeXurrent(signer, 'https://evil.example/jwks');
    await start(DISCOVERY_ENV, { fetch: xurrent.fetch });
    expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(401);
    expect(xurrent.asked).not.toContain('https://evil.example/jwks');
  });

  it('answers 503 when Xurrent cannot be reached, so the delivery is retried', async () => {
    const signer = await createTestSigner();
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    await start(DISCOVERY_ENV, { fetch: failing });
    expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(503);
  });

  it.each([
    ['over http', `http://acme.xurrent.qa/jwks`],
    ['behind a userinfo trick', 'https://acme.xurrent.qa@evil.example/jwks'],
    ['on another port of the same host', 'https://acme.xurrent.qa:8443/jwks'],
    ['on a cloud metadata address', 'https://169.254.169.254/latest/jwks'],
    ['on a look-alike host', 'https://acme.xurrent.qa.evil.example/jwks'],
  ])('refuses a jwks_uri %s with 401 and never fetches it', async (_name, jwksUri) => {
    const signer = await createTestSigner();
    const xurrent = await fakeXurrent(signer, jwksUri);
    const intake = await start(DISCOVERY_ENV, { fetch: xurrent.fetch });
    expect((await deliver(await signer.sign(requestEnvelope(), { iss: POLICY_ISSUER }, { kid: 'key-1' }))).status).toBe(401);
    expect(xurrent.asked).toEqual([`${POLICY_ISSUER}/.well-known/openid-configuration`]);
    expect(await intake.jobCount()).toBe(0);
  });

  it('fetches only from the issuer host whatever the token names (kid, jku, x5u injection; none; HS256)', async () => {
    const [signer, stranger] = await Promise.all([createTestSigner(), createTestSigner()]);
    const xurrent = await fakeXurrent(signer);
    const intake = await start(DISCOVERY_ENV, { fetch: xurrent.fetch });
    const claims = { iss: POLICY_ISSUER };
    const tokens = [
      await stranger.sign(requestEnvelope(), claims, { kid: '../../../jwks?host=evil.example' }),
      await stranger.sign(requestEnvelope(), claims, { kid: 'key-1\r\nHost: evil.example' }),
      await stranger.sign(requestEnvelope(), claims, { kid: 'https://evil.example/jwks' }),
      await stranger.sign(requestEnvelope(), claims, { kid: 'key-1', jku: 'https://evil.example/jwks', x5u: 'https://evil.example/cert' }),
      await stranger.sign(requestEnvelope(), claims, { kid: 'key-1' }),
      `${base64url.encode('{"alg":"none","kid":"key-1"}')}.${base64url.encode(JSON.stringify({ data: requestEnvelope(), iss: POLICY_ISSUER, aud: AUDIENCE }))}.`,
      await new SignJWT({ data: requestEnvelope() })
        .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
        .setIssuer(POLICY_ISSUER)
        .setAudience(AUDIENCE)
        .sign(new TextEncoder().encode(signer.publicKeyPem)),
    ];
    for (const token of tokens) expect((await deliver(token)).status).toBe(401);
    expect(await intake.jobCount()).toBe(0);
    expect(xurrent.asked.every((url) => url.startsWith(`${POLICY_ISSUER}/`))).toBe(true);
    expect(xurrent.asked.length).toBeGreaterThan(0);
  });
});
