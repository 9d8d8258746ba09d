import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../../src/state/state-codec.js';

const state = {
  version: 1,
  observed: { status: 'assigned', category: 'incident', priority: 'medium', updatedAtMs: 1_796_029_200_000 },
  escalations: [],
  wakeUpAtMs: null,
  facts: null,
};

describe('workflow state codec', () => {
  it('round-trips a state, nulls and instants included', () => {
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('is smaller than the JSON it replaces', () => {
    expect(encodeState(state).length).toBeLessThan(JSON.stringify(state).length);
  });

  it('still reads state written as JSON before', () => {
    expect(decodeState(Buffer.from(JSON.stringify(state)))).toEqual(state);
  });

  it('gives undefined for broken JSON (other bytes decode to values the state schema refuses)', () => {
    expect(decodeState(Buffer.from('{not json'))).toBeUndefined();
  });
});
