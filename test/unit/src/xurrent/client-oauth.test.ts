import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { CLIENT_SECRET, GRAPHQL, Me, ME_QUERY, mockXurrentNetwork, OAUTH, oauthConfig, setup } from './client-fixtures.js';

mockXurrentNetwork();

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
