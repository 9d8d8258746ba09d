import { describe, expect, it } from 'vitest';
import { PERSON_ACCOUNT } from '../../../schema/graphql/person-account.js';
import type { StatusActor } from '../../../src/state/status-actors.js';
import type { XurrentClient } from '../../../src/xurrent/client.js';
import { createPersonAccounts } from '../../../workers/person-accounts.js';
import { createRequestEventProcessor, type RequestEventDeps } from '../../../workers/request-event.js';
import { testJobContext } from '../../helpers/job-context.js';
import { createLogCapture } from '../../helpers/log-capture.js';

const ACCOUNTS: Record<string, string> = { 'P-AGENT': 'provider', 'P-SPECIALIST': 'customer' };

/** A status-changed event's processing with Xurrent answering `answer` to each person lookup. */
function world(answer: (personNodeId: string) => Promise<unknown>) {
  const lookups: string[] = [];
  const recorded: StatusActor[] = [];
  const client = {
    counted: () => ({
      request: async (document: string, variables: { id: string }) => {
        if (document !== PERSON_ACCOUNT) throw new Error('no other call expected');
        lookups.push(variables.id);
        return answer(variables.id);
      },
      calls: () => lookups.length,
    }),
  } as unknown as XurrentClient;
  const capture = createLogCapture('warn');
  const deps: RequestEventDeps = {
    queues: { enqueue: { reconcileRequest: async () => ({ id: undefined }) }, requests: {} } as unknown as RequestEventDeps['queues'],
    statusActors: { record: async (_id, actor) => void recorded.push(actor) },
    personAccounts: createPersonAccounts(2),
  };
  const process = createRequestEventProcessor(deps);
  const ctx = testJobContext({ xurrent: client, logger: capture.logger });
  const event = (personNodeId: string) =>
    process(
      {
        deliveryId: `d-${recorded.length}`,
        event: 'request.status-changed',
        accountId: 'provider',
        requestNodeId: 'R1',
        receivedAt: '2026-03-25T09:00:00Z',
        actor: { personNodeId, status: 'in_progress' },
      },
      ctx,
    );
  return { lookups, recorded, event, capture };
}

describe("the request-event processor records the status changer's account (issue 16 point 2)", () => {
  it('asks Xurrent once per person per process, and records the account with the actor', async () => {
    const w = world(async (id) => ({ node: { id, account: { id: ACCOUNTS[id] } } }));
    await w.event('P-SPECIALIST');
    await w.event('P-SPECIALIST');
    await w.event('P-AGENT');
    expect(w.lookups).toEqual(['P-SPECIALIST', 'P-AGENT']);
    // Each event records the author at once (a reconcile another event started may read it), then again with the account.
    expect(w.recorded.map((a) => [a.personNodeId, a.accountId])).toEqual([
      ['P-SPECIALIST', undefined],
      ['P-SPECIALIST', 'customer'],
      ['P-SPECIALIST', undefined],
      ['P-SPECIALIST', 'customer'],
      ['P-AGENT', undefined],
      ['P-AGENT', 'provider'],
    ]);
    expect(w.recorded[1]).toEqual({
      personNodeId: 'P-SPECIALIST',
      status: 'in_progress',
      atMs: Date.parse('2026-03-25T09:00:00Z'),
      accountId: 'customer',
    });
  });

  it('shares one lookup between concurrent events for the same person', async () => {
    const w = world(async (id) => ({ node: { id, account: { id: 'customer' } } }));
    await Promise.all([w.event('P-SPECIALIST'), w.event('P-SPECIALIST')]);
    expect(w.lookups).toEqual(['P-SPECIALIST']);
    expect(w.recorded.map((a) => a.accountId).filter((id) => id !== undefined)).toEqual(['customer', 'customer']);
  });

  it('keeps a bounded number of people: the least recently seen is asked for again', async () => {
    const w = world(async (id) => ({ node: { id, account: { id: 'provider' } } }));
    for (const id of ['P1', 'P2', 'P1', 'P3', 'P1', 'P2']) await w.event(id);
    expect(w.lookups).toEqual(['P1', 'P2', 'P3', 'P2']);
  });

  it('records no account for an unknown person, and on a failed lookup records none and goes on (asking again next time)', async () => {
    let fail = true;
    const w = world(async (id) => {
      if (id === 'P-GONE') return { node: null };
      if (fail) throw new Error('Xurrent unavailable');
      return { node: { id, account: { id: 'provider' } } };
    });
    await w.event('P-GONE');
    await w.event('P-AGENT');
    fail = false;
    await w.event('P-AGENT');
    expect(w.recorded.map((a) => a.accountId)).toEqual([undefined, undefined, undefined, 'provider']);
    expect(w.lookups).toEqual(['P-GONE', 'P-AGENT', 'P-AGENT']);
    expect(w.capture.lines().some((l) => l['message'] === 'status changer account unknown: lookup failed')).toBe(true);
  });
});
