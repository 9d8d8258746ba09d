import type { RequestEvent, RequestStatus } from './request-history.js';
import type { Priority, ResolutionClockStart } from './sla-policy.js';

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
}

/** Statuses whose first appearance stops the response clock. */
const RESPONDED: ReadonlySet<RequestStatus> = new Set(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed']);

interface State {
  status: RequestStatus;
  responded: boolean;
  resolutionStarted: boolean;
}

/**
 * Replays a request's events (in time order, ties in the given order, ignoring those after
 * `now` or before `created`) and records when each clock ran:
 * - response runs from creation until the first status change to accepted, in_progress,
 *   waiting_for, waiting_for_customer or completed;
 * - resolution runs from creation (or from the first root cause recorded, with
 *   `resolutionClockStart` root_cause) while the status is not completed; a reopen resumes it;
 * - both are paused while the status is waiting_for_customer.
 * Returns undefined when there is no `created` event at or before `now`.
 */
export function trackClocks(events: readonly RequestEvent[], now: number, resolutionClockStart: ResolutionClockStart): TrackedClocks | undefined {
  const ordered = events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  const createdIndex = ordered.findIndex((e) => e.kind === 'created');
  const created = ordered[createdIndex];
  if (created?.kind !== 'created') return undefined;

  let priority = created.priority;
  const state: State = { status: 'assigned', responded: false, resolutionStarted: resolutionClockStart === 'created' };
  const response = createRecorder((s) => !s.responded && s.status !== 'waiting_for_customer');
  const resolution = createRecorder((s) => s.resolutionStarted && s.status !== 'completed' && s.status !== 'waiting_for_customer');
  response.observe(state, created.at);
  resolution.observe(state, created.at);

  for (const event of ordered.slice(createdIndex + 1)) {
    if (event.kind === 'priority-changed') priority = event.priority;
    if (event.kind === 'root-cause-recorded') state.resolutionStarted = true;
    if (event.kind === 'status-changed') {
      state.status = event.status;
      if (RESPONDED.has(event.status)) state.responded = true;
    }
    response.observe(state, event.at);
    resolution.observe(state, event.at);
  }
  return {
    priority,
    response: response.finish(now, { started: true, stopped: state.responded }),
    resolution: resolution.finish(now, { started: state.resolutionStarted, stopped: state.status === 'completed' }),
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
