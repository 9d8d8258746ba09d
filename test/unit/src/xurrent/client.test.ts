import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { REQUEST_BY_ID, RequestByIdResultSchema } from '../../../../schema/graphql/request-by-id.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../../../../schema/graphql/request-update.js';
import { XurrentApiError } from '../../../../src/errors.js';
import { createXurrentClient } from '../../../../src/xurrent/client.js';
import { createLogCapture } from '../../../helpers/log-capture.js';
import {
  CLIENT_SECRET,
  failureOf,
  GRAPHQL,
  Me,
  ME_QUERY,
  mockXurrentNetwork,
  OAUTH,
  oauthConfig,
  PAT,
  patConfig,
  setup,
} from './client-fixtures.js';

mockXurrentNetwork();

const REQUEST = {
  id: 'NG1lLmNvbS9SZXEvMQ',
  requestId: '1',
  subject: 'Printer',
  nextTargetAt: 'best_effort',
  resolutionTargetAt: '2026-11-27T10:00:00Z',
};
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
