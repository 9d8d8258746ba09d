import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../../src/errors.js';
import { createWebhookVerifyProcessor } from '../../../workers/webhook-verify.js';
import { createLogCapture } from '../../helpers/log-capture.js';

const ACCOUNT_URL = 'https://acme.xurrent.qa';
const NOW = new Date('2026-11-27T03:00:00Z');
const EXPIRES = Math.floor(NOW.getTime() / 1_000) + 3_600;
const CALLBACK = `${ACCOUNT_URL}/webhooks/7/verify?code=one-time-code&expires_at=${EXPIRES}`;

function jobWith(data: Record<string, unknown> = {}): Job {
  return {
    id: 'delivery-1',
    name: 'webhook-verify',
    data: {
      deliveryId: 'd-1',
      accountId: 'acme',
      callback: CALLBACK,
      expiresAt: new Date(EXPIRES * 1_000).toISOString(),
      receivedAt: NOW.toISOString(),
      ...data,
    },
  } as unknown as Job;
}

function setup(status: number | Error, now = NOW) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), init });
    if (status instanceof Error) throw status;
    return new Response('ok', { status });
  }) as typeof globalThis.fetch;
  const logs = createLogCapture();
  const process = createWebhookVerifyProcessor({ fetch, logger: logs.logger, callbackDomains: ['xurrent.qa'], now: () => now });
  return { process, calls, logs };
}

describe('webhook-verify processor', () => {
  it('GETs the callback without following redirects and logs it without the code', async () => {
    const { process, calls, logs } = setup(200);
    await expect(process(jobWith())).resolves.toEqual({ status: 200 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(CALLBACK);
    expect(calls[0]?.init).toMatchObject({ method: 'GET', redirect: 'manual' });
    expect(logs.text()).toContain('webhook verified');
    expect(logs.text()).not.toContain('one-time-code');
  });

  it.each([500, 502, 503, 429, 408])('throws a retriable error when the callback answers %i', async (status) => {
    const { process } = setup(status);
    const error = await process(jobWith()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PayloadError);
  });

  it('throws a retriable error on a network failure', async () => {
    const { process } = setup(new TypeError('fetch failed'));
    await expect(process(jobWith())).rejects.toThrow('fetch failed');
  });

  it.each([301, 400, 404, 410])('gives up (PayloadError) when the callback answers %i', async (status) => {
    const { process } = setup(status);
    await expect(process(jobWith())).rejects.toBeInstanceOf(PayloadError);
  });

  it('gives up without calling once expires_at has passed', async () => {
    const { process, calls } = setup(200, new Date((EXPIRES + 1) * 1_000));
    await expect(process(jobWith())).rejects.toThrow(/expired/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['another host', 'https://evil.example/webhooks/7/verify?code=x'],
    ['http', 'http://acme.xurrent.qa/webhooks/7/verify?code=x'],
    ['a look-alike host', 'https://acme.xurrent.qa.evil.example/verify'],
    ["another account's host", 'https://globex.xurrent.qa/webhooks/7/verify?code=x'],
    ['an IP address', 'https://10.0.0.1/webhooks/7/verify?code=x'],
    ['localhost', 'https://localhost/webhooks/7/verify?code=x'],
    ['a non-default port', 'https://acme.xurrent.qa:8443/webhooks/7/verify?code=x'],
  ])('never calls a callback on %s', async (_name, callback) => {
    const { process, calls } = setup(200);
    await expect(process(jobWith({ callback }))).rejects.toBeInstanceOf(PayloadError);
    expect(calls).toEqual([]);
  });

  it("calls a customer account's callback on that account's own host", async () => {
    const { process, calls } = setup(200);
    const callback = `https://globex.xurrent.qa/webhooks/9/verify?code=x&expires_at=${EXPIRES}`;
    await expect(process(jobWith({ accountId: 'globex', callback }))).resolves.toEqual({ status: 200 });
    expect(calls.map((c) => c.url)).toEqual([callback]);
  });

  it('refuses bad job data without calling', async () => {
    const { process, calls } = setup(200);
    await expect(process(jobWith({ callback: 42 }))).rejects.toBeInstanceOf(PayloadError);
    expect(calls).toEqual([]);
  });
});
