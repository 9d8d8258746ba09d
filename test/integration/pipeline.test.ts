import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startService, type RunningService } from '../../src/runtime/service.js';
import { runShutdown } from '../../src/runtime/shutdown.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { ACCOUNT, createTestSigner, signedEnv } from '../helpers/signing.js';
import { waitFor } from '../helpers/wait-for.js';

const XURRENT = 'https://graphql.xurrent.test';
const REQUEST_NODE_ID = 'NG1lLXN0YWdpbmcuY29tL1JlcXVlc3QvNzA';

interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

describe('walking skeleton: webhook → Redis → worker → Xurrent', () => {
  let prefix: string;
  let service: RunningService | undefined;
  const capture = createLogCapture();

  beforeEach(() => {
    prefix = uniquePrefix('pipeline');
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
  });

  afterEach(async () => {
    if (service) await runShutdown(service.shutdownSteps(), 5_000, capture.logger);
    service = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
    await deleteKeys(prefix);
  });

  it('answers 202 to a signed delivery after queueing, and the worker reads the request and adds its start note', async () => {
    const signer = await createTestSigner();
    const config = loadConfig({
      ...signedEnv(signer),
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
      XURRENT_TOKEN: 'pat-integration-secret',
      XURRENT_GRAPHQL_URL: XURRENT,
      // The walking skeleton checks the transport; first-line registration has tests of its own.
      COMPLETENESS_RULES: 'none',
    });
    const calls: { body: GraphQLBody; headers: Record<string, string | string[] | undefined> }[] = [];
    const record = function (this: nock.ReplyFnContext, _uri: string, body: nock.Body) {
      calls.push({ body: body as unknown as GraphQLBody, headers: this.req.headers });
    };
    nock(XURRENT)
      .post('/', (body: GraphQLBody) => body.query.includes('query RequestById'))
      .reply(200, function (uri, body) {
        record.call(this, uri, body);
        return {
          data: {
            node: { id: REQUEST_NODE_ID, requestId: '70', subject: 'Mail down', category: 'incident', impact: 'top', status: 'assigned' },
          },
        };
      })
      .post('/', (body: GraphQLBody) => body.query.includes('mutation RequestUpdate'))
      .reply(200, function (uri, body) {
        record.call(this, uri, body);
        return { data: { requestUpdate: { errors: [], request: { id: REQUEST_NODE_ID } } } };
      });

    service = await startService({ config, logger: capture.logger, roles: { web: true, worker: true } });
    const response = await fetch(`${service.httpUrl}/webhooks/xurrent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Xurrent-Delivery': '7d8f0a4e-1b2c-4d5e-8f90-123456789abc' },
      body: JSON.stringify({
        jwt: await signer.sign({
          webhook_id: 3,
          account_id: ACCOUNT,
          account: `https://${ACCOUNT}.xurrent.qa`,
          name: 'request.create',
          event: 'request.create',
          object_id: 70,
          object_nodeID: REQUEST_NODE_ID,
          person_id: 591,
          person_nodeID: 'NG1lLXN0YWdpbmcuY29tL1BlcnNvbi81OTE',
          person_name: 'Howard Tanner',
          payload: {},
        }),
      }),
    });
    expect(response.status).toBe(202);

    await waitFor(() => calls.length === 2, 'two Xurrent calls');
    const [query, mutation] = calls;
    for (const call of calls) {
      expect(call.headers['authorization']).toBe('Bearer pat-integration-secret');
      expect(call.headers['x-xurrent-account']).toBe(ACCOUNT);
    }
    expect(query?.body.operationName).toBe('RequestById');
    expect(query?.body.variables).toEqual({ id: REQUEST_NODE_ID });
    expect(mutation?.body.operationName).toBe('RequestUpdate');
    expect(mutation?.body.variables).toEqual({
      input: { id: REQUEST_NODE_ID, internalNote: expect.stringContaining('Priority: Top') },
    });
    await waitFor(() => capture.lines().some((l) => l['message'] === 'request reconciled'), 'job completion log');
    expect(capture.text()).not.toContain('pat-integration-secret');
  });
});
