import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../src/domain/workflow/workflow-state.js';
import { decodeState, encodeState } from '../../src/state/state-codec.js';
import { createWorkflowStore } from '../../src/state/workflow-store.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';

describe('workflow store', () => {
  const prefix = uniquePrefix('store');
  const redis = new Redis(TEST_REDIS_URL);
  const capture = createLogCapture();
  const store = createWorkflowStore(redis, prefix, capture.logger);

  afterAll(async () => {
    redis.disconnect();
    await deleteKeys(prefix);
  });

  it('starts empty and round-trips a state', async () => {
    expect(await store.load('REQ-1')).toEqual(INITIAL_WORKFLOW_STATE);
    const state: WorkflowState = {
      ...INITIAL_WORKFLOW_STATE,
      observed: { status: 'in_progress', category: 'incident', priority: 'top', updatedAtMs: 1 },
      events: [
        { kind: 'created', at: 0, priority: 'top' },
        { kind: 'status-changed', at: 1, status: 'in_progress' },
      ],
      escalations: [{ key: 'response:warning', level: 'warning', target: 'response', atMs: 5 }],
      notesWritten: 2,
    };
    await store.save('REQ-1', state);
    expect(await store.load('REQ-1')).toEqual(state);
    expect(await redis.ttl(`${prefix}:workflow:REQ-1`)).toBeGreaterThan(300 * 24 * 3600);
  });

  it('reads state saved before the registration statuses were renamed with the new names, meaning kept', async () => {
    const registration = { missing: [], askedAtMs: null, notesAtAsk: 0, remindedAtMs: null, pauses: [], routedTeamId: null };
    // As written then: 'complete' when nothing had to be asked, 'completed' once the answers completed it.
    await redis.set(
      `${prefix}:workflow:REQ-OLD-1`,
      encodeState({ ...INITIAL_WORKFLOW_STATE, registration: { ...registration, status: 'complete' } }),
    );
    await redis.set(
      `${prefix}:workflow:REQ-OLD-2`,
      encodeState({ ...INITIAL_WORKFLOW_STATE, registration: { ...registration, status: 'completed', askedAtMs: 7 } }),
    );
    expect((await store.load('REQ-OLD-1')).registration).toEqual({ ...registration, status: 'complete-without-asking' });
    expect((await store.load('REQ-OLD-2')).registration).toEqual({ ...registration, status: 'completed-after-asking', askedAtMs: 7 });
    await store.save('REQ-OLD-2', await store.load('REQ-OLD-2'));
    expect((decodeState((await redis.getBuffer(`${prefix}:workflow:REQ-OLD-2`)) as Buffer) as WorkflowState).registration?.status).toBe(
      'completed-after-asking',
    );
  });

  it('treats unreadable state as missing and says so', async () => {
    await redis.set(`${prefix}:workflow:REQ-2`, '{"version":2}');
    await redis.set(`${prefix}:workflow:REQ-3`, 'not json');
    expect(await store.load('REQ-2')).toEqual(INITIAL_WORKFLOW_STATE);
    expect(await store.load('REQ-3')).toEqual(INITIAL_WORKFLOW_STATE);
    expect(capture.lines().filter((l) => l['message'] === 'unreadable workflow state ignored')).toHaveLength(2);
  });
});
