import type { RequestEvent, RequestStatus } from './request-history.js';
import type { Priority, ResolutionClockStart, ResponseBy } from './sla-policy.js';

/** A stretch `[from, to)` (epoch ms) during which a clock ran. */
export interface RunningStretch {
  readonly from: number;
  readonly to: number;
}

/** How one clock went over a history, up to "now". */
export interface ClockTrack {
  readonly started: boolean;
  /** Stopped for good (response) or for now (resolution, until a reopen). */
  readonly stopped: boolean;
  /** Still running at "now": the last stretch ends at "now" and goes on. */
  readonly running: boolean;
  readonly stretches: readonly RunningStretch[];
}

export interface TrackedClocks {
  readonly priority: Priority;
  readonly response: ClockTrack;
  readonly resolution: ClockTrack;
  /** Root-cause start, but the request was completed without a root cause: resolution counted from registration. */
  readonly noRootCause: boolean;
}

/** How a history is read: the rule the request was decided under (see WorkflowState `rule`). */
export interface TrackRule {
  readonly resolutionClockStart: ResolutionClockStart;
  /** Absent: `status`. */
  readonly responseBy?: ResponseBy | undefined;
}

/** Statuses whose first appearance stops the response clock. */
const RESPONDED: ReadonlySet<RequestStatus> = new Set(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed']);

interface State {
  status: RequestStatus;
  responded: boolean;
  resolutionStarted: boolean;
  notAccountable: boolean;
}

/**
 * Replays a request's events (in time order, ties in the given order, ignoring those after
 * `now` or before `created`) and records when each clock ran:
 * - response runs from creation until the response: under `responseBy` status the first status
 *   change to accepted, in_progress, waiting_for, waiting_for_customer or completed; under `person`
 *   the first such change not made by the worker (`by: 'worker'`), or a `responded` event (a
 *   provider person's public note), whichever comes first;
 * - resolution runs from creation (or, with `resolutionClockStart` root_cause, from the first root
 *   cause recorded while the request was not completed) while the status is not completed; a reopen
 *   resumes it. Fail-safe: a request completed without a root cause counts from creation
 *   (`noRootCause`), never unmeasured;
 * - both are paused while the status is waiting_for_customer, and while Xurrent's
 *   `providerNotAccountable` is set (`accountability-changed`).
 * Returns undefined when there is no `created` event at or before `now`.
 */
export function trackClocks(events: readonly RequestEvent[], now: number, rule: TrackRule): TrackedClocks | undefined {
  const tracked = replay(events, now, rule.resolutionClockStart, rule.responseBy ?? 'status');
  if (tracked && rule.resolutionClockStart === 'root_cause' && !tracked.clocks.resolution.started && tracked.completed) {
    const failSafe = replay(events, now, 'created', rule.responseBy ?? 'status');
    return failSafe && { ...failSafe.clocks, noRootCause: true };
  }
  return tracked && { ...tracked.clocks, noRootCause: false };
}

function replay(events: readonly RequestEvent[], now: number, start: ResolutionClockStart, responseBy: ResponseBy) {
  const ordered = events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  const createdIndex = ordered.findIndex((e) => e.kind === 'created');
  const created = ordered[createdIndex];
  if (created?.kind !== 'created') return undefined;

  let priority = created.priority;
  const state: State = { status: 'assigned', responded: false, resolutionStarted: start === 'created', notAccountable: false };
  const response = createRecorder((s) => !s.responded && s.status !== 'waiting_for_customer' && !s.notAccountable);
  const resolution = createRecorder(
    (s) => s.resolutionStarted && s.status !== 'completed' && s.status !== 'waiting_for_customer' && !s.notAccountable,
  );
  response.observe(state, created.at);
  resolution.observe(state, created.at);

  for (const event of ordered.slice(createdIndex + 1)) {
    if (event.kind === 'priority-changed') priority = event.priority;
    // A root cause recorded after completion is ignored (§3.2: the clock of an open request).
    if (event.kind === 'root-cause-recorded' && state.status !== 'completed') state.resolutionStarted = true;
    if (event.kind === 'accountability-changed') state.notAccountable = event.notAccountable;
    if (event.kind === 'responded' && responseBy === 'person') state.responded = true;
    if (event.kind === 'status-changed') {
      state.status = event.status;
      const counts = responseBy === 'status' || event.by === undefined;
      if (RESPONDED.has(event.status) && counts) state.responded = true;
    }
    response.observe(state, event.at);
    resolution.observe(state, event.at);
  }
  return {
    completed: state.status === 'completed',
    clocks: {
      priority,
      response: response.finish(now, { started: true, stopped: state.responded }),
      resolution: resolution.finish(now, { started: state.resolutionStarted, stopped: state.status === 'completed' }),
    },
  };
}
/** Turns "is the clock running in this state?" into the stretches during which it ran. */
function createRecorder(isRunning: (state: State) => boolean) {
  const stretches: RunningStretch[] = [];
  let runningSince: number | undefined;
  return {
    observe(state: State, at: number): void {
      const running = isRunning(state);
      if (running && runningSince === undefined) runningSince = at;
      if (!running && runningSince !== undefined) {
        stretches.push({ from: runningSince, to: at });
        runningSince = undefined;
      }
    },
    finish(now: number, flags: { started: boolean; stopped: boolean }): ClockTrack {
      const running = runningSince !== undefined;
      if (runningSince !== undefined) stretches.push({ from: runningSince, to: now });
      return { ...flags, running, stretches };
    },
  };
}
