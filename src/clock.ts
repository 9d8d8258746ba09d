/**
 * "Now", injected wherever time matters, so the scenario runner can drive a virtual clock and
 * tests can fix instants. Only the composition root picks the real one.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: the scenario runner's virtual time. */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
}

export function createManualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (epochMs) => {
      if (epochMs < current)
        throw new RangeError(`virtual time cannot go back (from ${new Date(current).toISOString()} to ${new Date(epochMs).toISOString()})`);
      current = epochMs;
    },
  };
}
