import nock from 'nock';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { XurrentConfig } from '../../../../schema/env/xurrent.js';
import { createXurrentClient } from '../../../../src/xurrent/client.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

export const GRAPHQL = 'https://graphql.xurrent.test';
export const OAUTH = 'https://oauth.xurrent.test';
export const PAT = 'pat-SECRET-0123456789abcdef';
export const CLIENT_SECRET = 'client-SECRET-fedcba9876543210';

export const patConfig: XurrentConfig = {
  account: 'wdc',
  graphqlUrl: GRAPHQL,
  oauthTokenUrl: `${OAUTH}/token`,
  auth: { kind: 'token', token: PAT },
  timeoutMs: 300,
};
export const oauthConfig: XurrentConfig = {
  ...patConfig,
  auth: { kind: 'client-credentials', clientId: 'app-1', clientSecret: CLIENT_SECRET },
};

export const Me = z.object({ me: z.object({ id: z.string() }) });
export const ME_QUERY = 'query Me { me { id } }';

export function setup(config: XurrentConfig = patConfig) {
  const capture = createLogCapture('debug');
  return { ...capture, xurrent: createXurrentClient({ config, logger: capture.logger }) };
}

export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (error: unknown) => error,
  );
}

/** Every test file of the client runs against nock only, and leaves no expected call unmade. */
export function mockXurrentNetwork(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());
}
