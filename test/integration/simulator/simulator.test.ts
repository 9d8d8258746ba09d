import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_BY_ID, RequestByIdResultSchema } from '../../../schema/graphql/request-by-id.js';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../../../schema/graphql/request-update.js';
import { NOTE_CREATE, NoteCreateResultSchema } from '../../../schema/graphql/note-create.js';
import { PROBLEM_CREATE, ProblemCreateResultSchema } from '../../../schema/graphql/problem-create.js';
import { PROBLEM_UPDATE, ProblemUpdateResultSchema } from '../../../schema/graphql/problem-update.js';
import { ME, MeResultSchema } from '../../../schema/graphql/me.js';
import { RATE_LIMIT, RateLimitResultSchema } from '../../../schema/graphql/rate-limit.js';
import { REQUESTS_PAGE, RequestsPageSchema } from '../../../schema/graphql/requests-page.js';
import { RateLimitedError, XurrentApiError } from '../../../src/errors.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { paginate } from '../../../src/xurrent/paginate.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(options: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator(options);
  const { logger } = createLogCapture();
  return { sim, xurrent: simulatorClient(sim, logger) };
}

async function createRequest(xurrent: ReturnType<typeof simulatorClient>, subject: string, extra: Record<string, unknown> = {}) {
  const { requestCreate } = await xurrent.request(REQUEST_CREATE, { input: { subject, ...extra } }, RequestCreateResultSchema);
  return requestCreate.request?.id ?? expect.unreachable('request not created');
}

describe('Xurrent simulator', () => {
  it('creates, reads and updates a request; the note and targets show on the next read', async () => {
    const { sim, xurrent } = await setup();
    const id = await createRequest(xurrent, 'Mail is down', { serviceInstanceId: sim.demo.serviceInstanceIds.email, impact: 'high' });
    const before = (await xurrent.request(REQUEST_BY_ID, { id }, RequestByIdResultSchema)).node;
    expect(before).toMatchObject({
      subject: 'Mail is down',
      status: 'assigned',
      team: { name: 'Service Desk' },
      serviceInstance: { name: 'E-mail Production' },
    });
    expect(before?.nextTargetAt.kind).toBe('at');

    await xurrent.request(
      REQUEST_UPDATE,
      { input: { id, internalNote: 'Looking into it', status: 'waiting_for_customer' } },
      RequestUpdateResultSchema,
    );
    const after = (await xurrent.request(REQUEST_BY_ID, { id }, RequestByIdResultSchema)).node;
    expect(after?.notes?.nodes).toEqual([
      expect.objectContaining({
        text: 'Looking into it',
        internal: true,
        person: expect.objectContaining({ name: 'Support Worker (API)' }),
      }),
    ]);
    expect(after?.nextTargetAt).toEqual({ kind: 'clock_stopped' });
  });

  it('serves extra accounts by X-Xurrent-Account with the same token: separate records, no webhooks', async () => {
    const { sim, xurrent } = await setup({ extraAccounts: ['xurrent-support'] });
    const support = simulatorClient(sim, createLogCapture().logger, { config: { account: 'xurrent-support' } });
    await sim.webhooks.register({ event: 'request.create', uri: 'http://127.0.0.1:9/never' });
    const linked = await createRequest(support, 'Linked', { source: 'xurrent-support-worker', sourceID: 'request:demo:1' });
    const supportStore = sim.accounts.get('xurrent-support')?.store;
    expect(supportStore?.requests.get(linked)).toMatchObject({
      subject: 'Linked',
      source: 'xurrent-support-worker',
      sourceID: 'request:demo:1',
    });
    expect(sim.store.requests.has(linked)).toBe(false);
    expect((await xurrent.request(REQUEST_BY_ID, { id: linked }, RequestByIdResultSchema)).node).toBeNull();
    expect(sim.webhooks.deliveries).toEqual([]);
    const other = simulatorClient(sim, createLogCapture().logger, { config: { account: 'elsewhere' } });
    await expect(other.request(ME, {}, MeResultSchema)).rejects.toMatchObject({ status: 403 });
  });

  it('records every call with operation name, variables and headers, never the token', async () => {
    const { sim, xurrent } = await setup();
    await xurrent.request(ME, {}, MeResultSchema);
    expect(sim.calls).toEqual([
      expect.objectContaining({
        kind: 'query',
        operationName: 'Me',
        status: 200,
        headers: expect.objectContaining({ authorization: 'Bearer [REDACTED]', 'x-xurrent-account': 'demo' }),
      }),
    ]);
    expect(JSON.stringify(sim.calls)).not.toMatch(/sim-pat-/);
  });

  it('answers 401 without a valid token and 400 without the account header', async () => {
    const { sim } = await setup();
    const post = (headers: Record<string, string>) =>
      fetch(sim.graphqlUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
    expect((await post({ 'X-Xurrent-Account': 'demo' })).status).toBe(401);
    expect((await post({ Authorization: 'Bearer nope', 'X-Xurrent-Account': 'demo' })).status).toBe(401);
    expect((await post({ Authorization: `Bearer ${sim.issueToken()}` })).status).toBe(400);
    const ok = await post({ Authorization: `Bearer ${sim.issueToken()}`, 'X-Xurrent-Account': 'demo' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('3600');
    expect(ok.headers.get('x-costlimit-cost')).toBe('1');
  });

  it('answers an unknown field with GraphQL errors in an HTTP 200, which the client throws', async () => {
    const { xurrent } = await setup();
    const error = await xurrent.request('query Bad { me { shoeSize } }', {}, MeResultSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XurrentApiError);
    expect(error).toMatchObject({
      status: 200,
      retriable: false,
      graphqlErrors: [expect.objectContaining({ message: expect.stringContaining('shoeSize') })],
    });
  });

  it('reports refused mutation input in the payload errors', async () => {
    const { xurrent } = await setup();
    const id = await createRequest(xurrent, 'Close me');
    const error = await xurrent
      .request(REQUEST_UPDATE, { input: { id, status: 'completed' } }, RequestUpdateResultSchema)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retriable: false, payloadErrors: [{ path: ['completionReason'], message: expect.any(String) }] });
    await expect(xurrent.request(NOTE_CREATE, { input: { ownerId: 'nope', text: 'x' } }, NoteCreateResultSchema)).rejects.toMatchObject({
      payloadErrors: [{ path: ['ownerId'] }],
    });
  });

  it('answers 429 with Retry-After when the burst budget is spent', async () => {
    const { xurrent } = await setup({ budgets: { burstLimit: 3, burstWindowMs: 2_000 } });
    for (let i = 0; i < 3; i++) await xurrent.request(ME, {}, MeResultSchema);
    const error = await xurrent.request(ME, {}, MeResultSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect((error as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(2_000);
  });

  it('answers 429 until the hourly reset once the hourly request budget is spent', async () => {
    const { sim, xurrent } = await setup({ budgets: { hourlyRequests: 2 } });
    await xurrent.request(ME, {}, MeResultSchema);
    await xurrent.request(ME, {}, MeResultSchema);
    const error = (await xurrent.request(ME, {}, MeResultSchema).catch((e: unknown) => e)) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(sim.calls.map((c) => c.status)).toEqual([200, 200, 429]);
  });

  it('reports the cost budget in band through rateLimit', async () => {
    const { xurrent } = await setup({ budgets: { hourlyCost: 50 } });
    await xurrent.request(REQUESTS_PAGE, { first: 10 }, RequestsPageSchema);
    const { rateLimit } = await xurrent.request(RATE_LIMIT, {}, RateLimitResultSchema);
    expect(rateLimit).toMatchObject({ limit: 50, cost: 1, remaining: 50 - 2 - 1 });
  });

  it('injects 5xx, 503 with Retry-After, timeouts and latency', async () => {
    const { sim, xurrent } = await setup();
    sim.faults.failNext(502);
    await expect(xurrent.request(ME, {}, MeResultSchema)).rejects.toMatchObject({ name: 'XurrentApiError', status: 502, retriable: true });
    sim.faults.failNext(503, { retryAfter: '9' });
    await expect(xurrent.request(ME, {}, MeResultSchema)).rejects.toMatchObject({ name: 'RateLimitedError', retryAfterMs: 9_000 });
    sim.faults.hangNext(3_000);
    await expect(xurrent.request(ME, {}, MeResultSchema)).rejects.toMatchObject({
      retriable: true,
      message: expect.stringContaining('timed out'),
    });
    sim.faults.setLatency(50);
    await expect(xurrent.request(ME, {}, MeResultSchema)).resolves.toMatchObject({ me: { name: 'Support Worker (API)' } });
  });

  it('issues OAuth client-credentials tokens the client uses', async () => {
    sim = await startSimulator();
    const { clientId, clientSecret } = sim.addOAuthClient(sim.demo.customerId);
    const { logger } = createLogCapture();
    const xurrent = simulatorClient(sim, logger, { config: { auth: { kind: 'client-credentials', clientId, clientSecret } } });
    await Promise.all([xurrent.request(ME, {}, MeResultSchema), xurrent.request(ME, {}, MeResultSchema)]);
    expect(sim.calls.filter((c) => c.kind === 'oauth')).toHaveLength(1);
    expect((await xurrent.request(ME, {}, MeResultSchema)).me?.name).toBe('Chris Customer');
    const bad = simulatorClient(sim, logger, { config: { auth: { kind: 'client-credentials', clientId, clientSecret: 'wrong' } } });
    await expect(bad.request(ME, {}, MeResultSchema)).rejects.toMatchObject({ status: 400, retriable: false });
  });

  it('pages through requests with a filter, 2 at a time', async () => {
    const { xurrent } = await setup();
    for (const subject of ['a1', 'a2', 'a3', 'a4', 'a5']) await createRequest(xurrent, subject);
    const seen: string[] = [];
    const all = paginate(xurrent, {
      document: REQUESTS_PAGE,
      variables: { filter: { status: { values: ['assigned'] } } },
      schema: RequestsPageSchema,
      connection: (d) => d.requests,
      pageSize: 2,
    });
    for await (const request of all) seen.push(request.subject ?? '');
    expect(seen).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const none = await xurrent.request(
      REQUESTS_PAGE,
      { first: 10, filter: { status: { values: ['assigned'], negate: true } } },
      RequestsPageSchema,
    );
    expect(none.requests.nodes).toEqual([]);
    await expect(xurrent.request(REQUESTS_PAGE, { first: 101 }, RequestsPageSchema)).rejects.toMatchObject({
      graphqlErrors: [expect.objectContaining({ message: expect.stringContaining('between 1 and 100') })],
    });
  });

  it('creates and updates problems linked to requests', async () => {
    const { sim, xurrent } = await setup();
    const requestId = await createRequest(xurrent, 'Mail slow');
    const { problemCreate } = await xurrent.request(
      PROBLEM_CREATE,
      { input: { subject: 'Mail cluster degraded', serviceId: sim.demo.serviceIds.email, requestIds: [requestId] } },
      ProblemCreateResultSchema,
    );
    const problemId = problemCreate.problem?.id ?? '';
    expect(sim.store.requests.get(requestId)?.problemId).toBe(problemId);
    const { problemUpdate } = await xurrent.request(
      PROBLEM_UPDATE,
      { input: { id: problemId, status: 'solved', note: 'Patched' } },
      ProblemUpdateResultSchema,
    );
    expect(problemUpdate.problem?.status).toBe('solved');
    await expect(
      xurrent.request(PROBLEM_CREATE, { input: { subject: 'x', serviceId: 'nope' } }, ProblemCreateResultSchema),
    ).rejects.toMatchObject({ payloadErrors: [{ path: ['serviceId'] }] });
  });
});
