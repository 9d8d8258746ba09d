import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CREATE, RequestCreateResultSchema } from '../../../schema/graphql/request-create.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { readRequest } from '../../../src/xurrent/read-request.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { simulatorClient } from '../../helpers/simulator-client.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

/** A request with `count` notes in all (the first is its description), added straight to the store. */
async function requestWithNotes(count: number): Promise<string> {
  const client = simulatorClient(sim, createLogCapture('error').logger);
  const { requestCreate } = await client.request(
    REQUEST_CREATE,
    { input: { subject: 'Long-running', note: 'note 1' } },
    RequestCreateResultSchema,
  );
  const id = requestCreate.request?.id ?? '';
  const record = sim.store.requests.get(id);
  for (let n = 2; n <= count; n++) {
    const { id: noteId } = sim.store.nextId('Note');
    sim.store.notes.set(noteId, {
      id: noteId,
      ownerId: id,
      text: `note ${n}`,
      internal: n % 2 === 0,
      personId: sim.demo.apiUserId,
      createdAt: sim.store.nowIso(),
    });
    record?.noteIds.push(noteId);
  }
  return id;
}

/** The worker's reads of one request, counted by operation. */
function countingClient() {
  const client = simulatorClient(sim, createLogCapture('error').logger);
  const operations: string[] = [];
  return {
    operations,
    request: ((document: string, ...rest: unknown[]) => {
      operations.push(/(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? '?');
      return (client.request as (...args: unknown[]) => unknown)(document, ...rest);
    }) as typeof client.request,
  };
}

describe('readRequest', () => {
  it('reads a request with at most 100 notes in one call', async () => {
    const id = await requestWithNotes(100);
    const client = countingClient();
    const request = await readRequest(client, id);
    expect(request?.notes?.nodes).toHaveLength(100);
    expect(client.operations).toEqual(['RequestById']);
  });

  it('pages the rest of the notes of a long-running request, so a marker on its 250th note is seen', async () => {
    const id = await requestWithNotes(250);
    const client = countingClient();
    const request = await readRequest(client, id);
    const texts = (request?.notes?.nodes ?? []).map((n) => n.text);
    expect(texts).toHaveLength(250);
    expect(new Set(texts).size).toBe(250);
    expect(texts).toContain('note 250');
    expect(client.operations).toEqual(['RequestById', 'RequestNotesPage', 'RequestNotesPage']);
    expect(request?.notes?.pageInfo.hasNextPage).toBeFalsy();
  });
});
