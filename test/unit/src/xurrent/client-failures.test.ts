import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../../src/errors.js';
import { failureOf, GRAPHQL, Me, ME_QUERY, mockXurrentNetwork, setup } from './client-fixtures.js';

mockXurrentNetwork();

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
