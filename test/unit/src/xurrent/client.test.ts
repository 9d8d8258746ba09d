import nock from 'nock';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { XurrentConfig } from '../../../../schema/env/xurrent.js';
import { REQUEST_BY_ID, RequestByIdResultSchema } from '../../../../schema/graphql/request-by-id.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../../../../schema/graphql/request-update.js';
import { RateLimitedError, XurrentApiError } from '../../../../src/errors.js';
import { createXurrentClient } from '../../../../src/xurrent/client.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

const GRAPHQL = 'https://graphql.xurrent.test';
const OAUTH = 'https://oauth.xurrent.test';
const PAT = 'pat-SECRET-0123456789abcdef';
const CLIENT_SECRET = 'client-SECRET-fedcba9876543210';

const patConfig: XurrentConfig = {
  account: 'wdc',
  graphqlUrl: GRAPHQL,
  oauthTokenUrl: `${OAUTH}/token`,
  auth: { kind: 'token', token: PAT },
  timeoutMs: 300,
};
const oauthConfig: XurrentConfig = { ...patConfig, auth: { kind: 'client-credentials', clientId: 'app-1', clientSecret: CLIENT_SECRET } };

const REQUEST = {
  id: 'NG1lLmNvbS9SZXEvMQ',
  requestId: '1',
  subject: 'Printer',
  nextTargetAt: 'best_effort',
  resolutionTargetAt: '2026-11-27T10:00:00Z',
};
const Me = z.object({ me: z.object({ id: z.string() }) });
const ME_QUERY = 'query Me { me { id } }';

function setup(config: XurrentConfig = patConfig) {
  const capture = createLogCapture('debug');
  return { ...capture, xurrent: createXurrentClient({ config, logger: capture.logger }) };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (error: unknown) => error,
  );
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('Xurrent client: headers and parsing', () => {
  it('sends the bearer token, the account header and the operation name', async () => {
    const scope = nock(GRAPHQL, { reqheaders: { authorization: `Bearer ${PAT}`, 'x-xurrent-account': 'wdc' } })
      .post(
        '/',
        (body: { operationName?: string; variables?: { id?: string } }) =>
          body.operationName === 'RequestById' && body.variables?.id === REQUEST.id,
      )
      .reply(200, { data: { node: REQUEST } }, { 'Content-Type': 'application/json' });
    const { node } = await setup().xurrent.request(REQUEST_BY_ID, { id: REQUEST.id }, RequestByIdResultSchema);
    expect(scope.isDone()).toBe(true);
    expect(node?.nextTargetAt).toEqual({ kind: 'best_effort' });
    expect(node?.resolutionTargetAt).toEqual({ kind: 'at', iso: '2026-11-27T10:00:00Z' });
    expect(node?.waitingUntil).toEqual({ kind: 'none' });
  });

  it('counts calls per view', async () => {
    nock(GRAPHQL)
      .post('/')
      .times(2)
      .reply(200, { data: { me: { id: 'p1' } } });
    const counted = setup().xurrent.counted();
    await counted.request(ME_QUERY, {}, Me);
    await counted.request(ME_QUERY, {}, Me);
    expect(counted.calls()).toBe(2);
  });

  it('treats GraphQL errors in an HTTP 200 as a non-retriable error', async () => {
    nock(GRAPHQL)
      .post('/')
      .reply(200, { data: null, errors: [{ message: "Field 'nope' doesn't exist", path: ['node'] }] });
    const error = await failureOf(setup().xurrent.request(ME_QUERY, {}, Me));
    expect(error).toBeInstanceOf(XurrentApiError);
    expect(error).toMatchObject({
      status: 200,
      retriable: false,
      graphqlErrors: [{ message: "Field 'nope' doesn't exist", path: ['node'] }],
    });
  });

  it('throws mutation payload errors with their path', async () => {
    nock(GRAPHQL)
      .post('/')
      .reply(200, { data: { requestUpdate: { errors: [{ path: ['internalNote'], message: 'is too long' }], request: null } } });
    const error = await failureOf(
      setup().xurrent.request(REQUEST_UPDATE, { input: { id: 'x', internalNote: 'n' } }, RequestUpdateResultSchema),
    );
    expect(error).toMatchObject({ retriable: false, payloadErrors: [{ path: ['internalNote'], message: 'is too long' }] });
    expect((error as Error).message).toContain('internalNote: is too long');
  });

  it('refuses a response of an unexpected shape', async () => {
    nock(GRAPHQL)
      .post('/')
      .reply(200, { data: { me: { id: 42 } } });
    await expect(setup().xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ retriable: false });
  });
});

describe('Xurrent client: failures and retry classification', () => {
  it.each([401, 403])('HTTP %i is not retriable', async (status) => {
    nock(GRAPHQL).post('/').reply(status, { message: 'Unauthorized' });
    await expect(setup().xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ name: 'XurrentApiError', status, retriable: false });
  });

  it.each([500, 502, 504])('HTTP %i is retriable', async (status) => {
    nock(GRAPHQL).post('/').reply(status, 'upstream trouble', { 'Content-Type': 'text/plain' });
    await expect(setup().xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ name: 'XurrentApiError', status, retriable: true });
  });

  it('a timeout is retriable and says how long it waited', async () => {
    nock(GRAPHQL)
      .post('/')
      .delay(1_000)
      .reply(200, { data: { me: { id: 'p1' } } });
    const error = await failureOf(setup().xurrent.request(ME_QUERY, {}, Me));
    expect(error).toMatchObject({ name: 'XurrentApiError', retriable: true, status: undefined });
    expect((error as Error).message).toContain('timed out after 300 ms');
  });

  it('a network failure is retriable', async () => {
    nock(GRAPHQL).post('/').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    await expect(setup().xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ name: 'XurrentApiError', retriable: true });
  });

  it('429 with Retry-After in seconds becomes a RateLimitedError of that length', async () => {
    nock(GRAPHQL).post('/').reply(429, 'Too Many Requests', { 'Retry-After': '7' });
    const error = await failureOf(setup().xurrent.request(ME_QUERY, {}, Me));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7_000);
  });

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    nock(GRAPHQL).post('/').reply(429, 'Too Many Requests', { 'Retry-After': at });
    const error = (await failureOf(setup().xurrent.request(ME_QUERY, {}, Me))) as RateLimitedError;
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('429 without Retry-After waits 60 s; so does 503', async () => {
    nock(GRAPHQL).post('/').reply(429, 'Too Many Requests').post('/').reply(503, 'Service Unavailable');
    const { xurrent } = setup();
    expect(await failureOf(xurrent.request(ME_QUERY, {}, Me))).toMatchObject({ name: 'RateLimitedError', retryAfterMs: 60_000 });
    expect(await failureOf(xurrent.request(ME_QUERY, {}, Me))).toMatchObject({ name: 'RateLimitedError', retryAfterMs: 60_000 });
  });
});

describe('Xurrent client: OAuth client credentials', () => {
  it('20 parallel calls share one token request, sent form-encoded', async () => {
    const token = nock(OAUTH)
      .post(
        '/token',
        (body: Record<string, string>) =>
          body['grant_type'] === 'client_credentials' && body['client_id'] === 'app-1' && body['client_secret'] === CLIENT_SECRET,
      )
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .delay(50)
      .once()
      .reply(200, { access_token: 'oauth-ACCESS-1', token_type: 'Bearer', expires_in: 3600 });
    const api = nock(GRAPHQL, { reqheaders: { authorization: 'Bearer oauth-ACCESS-1' } })
      .post('/')
      .times(20)
      .reply(200, { data: { me: { id: 'p1' } } });
    const { xurrent } = setup(oauthConfig);
    const results = await Promise.all(Array.from({ length: 20 }, () => xurrent.request(ME_QUERY, {}, Me)));
    expect(results).toHaveLength(20);
    expect(token.isDone()).toBe(true);
    expect(api.isDone()).toBe(true);
  });

  it('a 401 drops the cached OAuth token and retries once with a fresh one', async () => {
    nock(OAUTH)
      .post('/token')
      .reply(200, { access_token: 'oauth-OLD', expires_in: 3600 })
      .post('/token')
      .reply(200, { access_token: 'oauth-NEW', expires_in: 3600 });
    nock(GRAPHQL, { reqheaders: { authorization: 'Bearer oauth-OLD' } })
      .post('/')
      .reply(401, { message: 'token revoked' });
    nock(GRAPHQL, { reqheaders: { authorization: 'Bearer oauth-NEW' } })
      .post('/')
      .reply(200, { data: { me: { id: 'p1' } } });
    await expect(setup(oauthConfig).xurrent.request(ME_QUERY, {}, Me)).resolves.toEqual({ me: { id: 'p1' } });
  });

  it('a second 401 in a row is not retriable', async () => {
    nock(OAUTH).post('/token').times(2).reply(200, { access_token: 'oauth-X', expires_in: 3600 });
    nock(GRAPHQL).post('/').times(2).reply(401, { message: 'no scope' });
    await expect(setup(oauthConfig).xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ status: 401, retriable: false });
  });

  it('a rejected token request is not retriable', async () => {
    nock(OAUTH).post('/token').reply(400, { error: 'invalid_client' });
    await expect(setup(oauthConfig).xurrent.request(ME_QUERY, {}, Me)).rejects.toMatchObject({ status: 400, retriable: false });
  });
});

describe('Xurrent client: logging', () => {
  it('never logs the token, the client secret or the access token', async () => {
    nock(OAUTH).post('/token').reply(200, { access_token: 'oauth-ACCESS-2', expires_in: 3600 });
    nock(GRAPHQL)
      .post('/')
      .reply(200, { data: { me: { id: 'p1' } } })
      .post('/')
      .reply(403, { message: 'bad' })
      .post('/')
      .reply(200, { data: { me: { id: 7 } } });
    const oauth = setup(oauthConfig);
    await oauth.xurrent.request(ME_QUERY, {}, Me);
    await oauth.xurrent.request(ME_QUERY, {}, Me).catch((error: unknown) => oauth.logger.error('call failed', { error }));
    await oauth.xurrent.request(ME_QUERY, {}, Me).catch(() => undefined);
    nock(GRAPHQL).post('/').reply(500, 'x');
    const pat = setup();
    await pat.xurrent.request(ME_QUERY, {}, Me).catch((error: unknown) => pat.logger.error('call failed', { error }));
    const text = oauth.text() + pat.text();
    expect(oauth.lines().some((l) => l['operation'] === 'Me')).toBe(true);
    for (const secret of [PAT, CLIENT_SECRET, 'oauth-ACCESS-2']) expect(text).not.toContain(secret);
  });
});

describe('Xurrent client: call outcomes for metrics', () => {
  it('reports each operation once with its outcome', async () => {
    nock(GRAPHQL)
      .post('/')
      .reply(200, { data: { me: { id: 'p1' } } })
      .post('/')
      .reply(429, 'Too Many Requests', { 'Retry-After': '3' })
      .post('/')
      .reply(502, 'upstream trouble', { 'Content-Type': 'text/plain' })
      .post('/')
      .reply(200, { data: null, errors: [{ message: 'nope' }] });
    const calls: { operation: string; outcome: string }[] = [];
    const xurrent = createXurrentClient({
      config: patConfig,
      logger: createLogCapture().logger,
      onCall: ({ operation, outcome, durationMs }) => {
        expect(durationMs).toBeGreaterThanOrEqual(0);
        calls.push({ operation, outcome });
      },
    });
    await xurrent.request(ME_QUERY, {}, Me);
    for (let i = 0; i < 3; i += 1) await failureOf(xurrent.request(ME_QUERY, {}, Me));
    expect(calls).toEqual([
      { operation: 'Me', outcome: 'ok' },
      { operation: 'Me', outcome: 'rate_limited' },
      { operation: 'Me', outcome: 'retriable_error' },
      { operation: 'Me', outcome: 'error' },
    ]);
  });
});
