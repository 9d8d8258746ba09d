import { setTimeout as sleep } from 'node:timers/promises';
import { REQUEST_BY_ID, RequestByIdResultSchema, type RequestDetail } from '../../schema/graphql/request-by-id.js';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../schema/graphql/request-create.js';
import type { Logger } from '../logger.js';
import type { Simulator } from '../simulator/index.js';
import { createXurrentClient, type XurrentClient } from '../xurrent/client.js';

/**
 * What customers register in the demo: one request per line, the description as its first note.
 * The second lacks reproduction steps, so first line asks for them (and the request waits).
 */
export const SAMPLE_REQUESTS = [
  {
    subject: 'Cannot send e-mail since this morning',
    impact: 'high',
    instance: 'email',
    description:
      'Nobody in our office can send e-mail since 08:00. Steps to reproduce: 1. open Outlook; 2. send any message; 3. it stays in the outbox.',
  },
  {
    subject: 'Out-of-office reply does not switch off',
    impact: 'low',
    instance: 'email',
    description: 'My out-of-office reply keeps going out although I switched it off yesterday.',
  },
  {
    subject: 'Xurrent: approval e-mails arrive twice',
    impact: 'medium',
    instance: 'xurrent',
    description:
      'Approvers get every approval e-mail twice. Steps to reproduce: 1. submit a change for approval; 2. check the approver inbox.',
  },
] as const;

function clientAs(simulator: Simulator, personId: string, logger: Logger): XurrentClient {
  const config = { account: simulator.account, graphqlUrl: simulator.graphqlUrl, oauthTokenUrl: simulator.oauthTokenUrl, timeoutMs: 5_000 };
  return createXurrentClient({ config: { ...config, auth: { kind: 'token', token: simulator.issueToken(personId) } }, logger });
}

/**
 * Replays the sample: a customer registers the requests (each fires request.create into the
 * receiver), then waits until the support worker has noted each one, and returns them as an
 * agent would read them.
 */
export async function replayScenario(simulator: Simulator, logger: Logger, timeoutMs = 30_000): Promise<RequestDetail[]> {
  const customer = clientAs(simulator, simulator.demo.customerId, logger);
  const ids: string[] = [];
  for (const sample of SAMPLE_REQUESTS) {
    const input = {
      subject: sample.subject,
      impact: sample.impact,
      category: 'incident',
      serviceInstanceId: simulator.demo.serviceInstanceIds[sample.instance],
      note: sample.description,
    };
    const { requestCreate } = await customer.request(REQUEST_CREATE, { input }, RequestCreateResultSchema);
    if (requestCreate.request) ids.push(requestCreate.request.id);
  }
  const noted = (id: string) => (simulator.store.requests.get(id)?.noteIds ?? []).some((n) => simulator.store.notes.get(n)?.internal);
  const deadline = Date.now() + timeoutMs;
  while (!ids.every(noted)) {
    if (Date.now() > deadline) throw new Error('the workers did not process the sample requests in time');
    await sleep(50);
  }
  const agent = clientAs(simulator, simulator.demo.apiUserId, logger);
  const seen: RequestDetail[] = [];
  for (const id of ids) {
    const { node } = await agent.request(REQUEST_BY_ID, { id }, RequestByIdResultSchema);
    if (node) seen.push(node);
  }
  return seen;
}

/**
 * The requests as an agent's inbox would show them, as plain text. The due instants are the
 * worker's, in its notes; the simulator's own SLA rule (`nextTargetAt`) is left out, since it is not
 * the contract's and would show a second, different deadline.
 */
export function renderInbox(requests: readonly RequestDetail[]): string {
  const lines: string[] = [];
  for (const r of requests) {
    lines.push(`#${r.requestId ?? '?'}  [${r.status ?? '?'}] ${r.subject ?? ''}`);
    lines.push(`      impact ${r.impact ?? '-'} · team ${r.team?.name ?? '-'} · service ${r.serviceInstance?.name ?? '-'}`);
    for (const note of r.notes?.nodes ?? [])
      lines.push(`      ${note.internal ? '(internal) ' : ''}${note.person?.name ?? 'someone'}: ${note.text ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Calls per operation, in the order first seen: `query RequestById ×7, …`. */
export function summariseCalls(calls: readonly { kind: string; operationName?: string | null | undefined }[]): string {
  const perOperation = new Map<string, number>();
  for (const call of calls) {
    const name = `${call.kind} ${call.operationName ?? ''}`.trim();
    perOperation.set(name, (perOperation.get(name) ?? 0) + 1);
  }
  return [...perOperation].map(([op, n]) => `${op} ×${n}`).join(', ');
}

/** Deliveries per event and answer, in the order first seen: `request.create → 202 ×3, …`. */
export function summariseDeliveries(deliveries: readonly { event: string; status: number | string }[]): string {
  const perAnswer = new Map<string, number>();
  for (const delivery of deliveries) {
    const key = `${delivery.event} → ${delivery.status}`;
    perAnswer.set(key, (perAnswer.get(key) ?? 0) + 1);
  }
  return [...perAnswer].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).join(', ');
}
