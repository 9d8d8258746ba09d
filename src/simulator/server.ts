import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLSchema } from 'graphql';
import type { SimAuth } from './auth.js';
import type { createBudgets } from './budgets.js';
import { redactHeaders, type SimCall } from './call-log.js';
import type { SimContext } from './changes.js';
import { prepareOperation, runOperation } from './execute.js';
import type { Faults } from './faults.js';
import type { WebhookSender } from './webhooks.js';
import type { createRootValue } from './root.js';

export interface SimHandlerDeps {
  account: string;
  schema: GraphQLSchema;
  auth: SimAuth;
  budgets: ReturnType<typeof createBudgets>;
  faults: Faults;
  webhooks: WebhookSender;
  root: ReturnType<typeof createRootValue>;
  /** Further accounts the same tokens reach (by X-Xurrent-Account); their changes fire no webhooks. */
  otherRoots?: ReadonlyMap<string, ReturnType<typeof createRootValue>>;
  calls: SimCall[];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, 'X-Request-Id': randomUUID(), ...headers }).end(text);
}

/** The simulator's HTTP surface: `POST /token` (OAuth) and `POST /` (GraphQL), Xurrent's way. */
export function createSimHandler(deps: SimHandlerDeps) {
  const log = (call: Omit<SimCall, 'at'>, at: number) => deps.calls.push({ at, ...call });

  const token = async (req: IncomingMessage, res: ServerResponse, at: number) => {
    const text = await readBody(req);
    const form = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(text || '{}') as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(text));
    const { status, body } = deps.auth.grant(form);
    log({ kind: 'oauth', operationName: undefined, variables: {}, headers: redactHeaders(req.headers), tokenLabel: undefined, status }, at);
    send(res, status, body);
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, at: number) => {
    const headers = redactHeaders(req.headers);
    const identity = deps.auth.authenticate(req.headers.authorization);
    let parsed: { query?: unknown; variables?: unknown; operationName?: unknown } = {};
    try {
      parsed = JSON.parse(await readBody(req)) as typeof parsed;
    } catch {
      parsed = {};
    }
    const variables = (parsed.variables && typeof parsed.variables === 'object' ? parsed.variables : {}) as Record<string, unknown>;
    const operationName = typeof parsed.operationName === 'string' ? parsed.operationName : undefined;
    const record = (status: number, kind: SimCall['kind'] = 'invalid', name = operationName) =>
      log({ kind, operationName: name, variables, headers, tokenLabel: identity?.label, status }, at);

    if (!identity) return (record(401), send(res, 401, { message: 'Unauthorized: a valid bearer token is required' }));
    const account = req.headers['x-xurrent-account'];
    if (!account) return (record(400), send(res, 400, { message: 'The X-Xurrent-Account header is required' }));
    const root = account === deps.account ? deps.root : deps.otherRoots?.get(String(account));
    if (!root) return (record(403), send(res, 403, { message: `No access to account ${String(account)}` }));
    if (typeof parsed.query !== 'string') return (record(400), send(res, 400, { message: 'Body must be JSON with a query' }));

    const prepared = prepareOperation(deps.schema, parsed.query, operationName);
    const kind = 'errors' in prepared ? 'invalid' : prepared.kind;
    const name = 'errors' in prepared ? operationName : prepared.operationName;
    const fault = deps.faults.take();
    if (fault?.kind === 'status') {
      record(fault.status, kind, name);
      return send(
        res,
        fault.status,
        fault.status === 503 ? 'Service Unavailable' : fault.status >= 500 ? 'Internal Server Error' : 'Too Many Requests',
        fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
      );
    }
    const verdict = deps.budgets.charge(identity.label, 'errors' in prepared ? 1 : prepared.cost);
    if (!verdict.allowed) {
      record(429, kind, name);
      return send(res, 429, { message: 'Too Many Requests' }, { ...verdict.headers, 'Retry-After': String(verdict.retryAfterSeconds) });
    }
    record(200, kind, name);
    if (fault?.kind === 'hang') await sleep(fault.ms);
    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
    if ('errors' in prepared) return send(res, 200, { errors: prepared.errors }, verdict.headers);

    const context: SimContext = { personId: identity.personId, changes: [] };
    const rootValue = { ...root, rateLimit: () => verdict.rateLimit };
    const result = await runOperation(deps.schema, prepared, rootValue, context, variables);
    send(res, 200, result, verdict.headers);
    if (root === deps.root) deps.webhooks.dispatch(context.changes);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    try {
      const path = new URL(req.url ?? '/', 'http://sim').pathname;
      if (req.method !== 'POST') return send(res, 405, { message: 'Use POST' });
      if (path === '/token') return await token(req, res, at);
      if (path === '/' || path === '/graphql') return await graphql(req, res, at);
      send(res, 404, { message: 'Not found' });
    } catch (error) {
      send(res, 500, { message: error instanceof Error ? error.message : 'Internal error' });
    }
  };
}
