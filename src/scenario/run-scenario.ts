import { createManualClock } from '../clock.js';
import { createLogger, type Logger } from '../logger.js';
import type { SimChange } from '../simulator/changes.js';
import type { Simulator } from '../simulator/index.js';
import type { WorkflowStore } from '../state/workflow-store.js';
import { collectReport } from './collect-report.js';
import { performStep } from './perform-step.js';
import type { ScenarioReport } from './report.js';
import { runDueTimers } from './run-due-timers.js';
import { parseScenario, ScenarioError } from './scenario-schema.js';
import { openScratchRedis } from './scratch-redis.js';
import { startPipeline, type Pipeline, type PipelineOptions } from './start-pipeline.js';
import { waitUntilIdle } from './wait-idle.js';

export interface RunOptions {
  /** The Redis to run on; by default the local one when it answers, else an embedded one. */
  redisUrl?: string;
  /** Where the service's logs go; by default warnings and errors to stderr (stdout is the report's). */
  logger?: Logger;
  /** How long one wait for the pipeline to settle may take before the run fails. */
  idleTimeoutMs?: number;
  /**
   * Looks at the end state before it is torn down: notes and stored state beyond the report, or
   * the service's /metrics (httpUrl).
   */
  inspect?: (end: {
    sim: Simulator;
    store: WorkflowStore;
    refs: ReadonlyMap<string, string>;
    httpUrl: string | undefined;
  }) => Promise<void> | void;
  /** `instant`: settle only before the clock moves on (steps at one instant act at once, like a burst); default after every step. */
  settle?: 'step' | 'instant';
  /** Xurrent's limits in the simulator (tests of large bursts raise them, with XURRENT_BURST_* in the config). */
  simulatorBudgets?: PipelineOptions['simulatorBudgets'];
  /** `wipe` steps may FLUSHALL `redisUrl`: only for a private test instance (never a shared Redis). */
  flushAll?: boolean;
  /** Called with the run's Redis, prefix and simulator after the report, before the keys are deleted (tests inspect what is stored). */
  onFinish?: (run: { redisUrl: string; prefix: string; sim: Pipeline['sim'] }) => Promise<void>;
  /** Adds `review`: the SLA report JSON of the scenario's whole period, first to last step (`simulate --review`). */
  review?: boolean;
}

/**
 * Runs a scenario through the real pipeline on a virtual clock and returns its report. Before
 * each step, the SLA timers due by the step's instant run in order, each at its own instant (a
 * discrete-event simulation); then the step happens at its instant; after each, the pipeline is
 * left to settle. After the last step, timers due by its instant run too (not beyond).
 */
export async function runScenario(input: unknown, options: RunOptions = {}): Promise<ScenarioReport> {
  const scenario = parseScenario(input);
  const logger = options.logger ?? createLogger({ level: 'warn', stream: process.stderr });
  const instants = scenario.steps.map((step) => Date.parse(step.at));
  const clock = createManualClock(instants[0] as number);
  // FLUSHALL only on a private instance: never the shared default port.
  if (options.flushAll && (!options.redisUrl || /:6379(\/|$)/.test(options.redisUrl)))
    throw new ScenarioError('flushAll needs a private Redis (redisUrl on a port other than 6379)');
  const redis = await openScratchRedis(options.redisUrl, logger);
  let pipeline: Pipeline | undefined;
  try {
    const problemWebhooks = scenario.steps.some((step) => step.problem !== undefined);
    const running = await startPipeline({
      config: scenario.config,
      clock,
      redisUrl: redis.url,
      prefix: redis.prefix,
      logger,
      problemWebhooks,
      flushAll: options.flushAll === true,
      ...(options.simulatorBudgets ? { simulatorBudgets: options.simulatorBudgets } : {}),
    });
    pipeline = running;
    const { sim, queues, names, workflowStore } = running;
    const settle = () =>
      waitUntilIdle({
        webhooksIdle: () => sim.webhooks.idle(),
        work: [queues.events, queues.requests, queues.problems, queues.problemEvents, queues.forwards],
        timers: [queues.timers, queues.rcaTimers, queues.followUps, queues.resync],
        ...(options.idleTimeoutMs ? { timeoutMs: options.idleTimeoutMs } : {}),
      });
    const delayedTimers = async () => [
      ...(await queues.timers.getDelayed()),
      ...(await queues.rcaTimers.getDelayed()),
      ...(await queues.followUps.getDelayed()),
    ];
    const timers = { clock, delayedTimers, waitUntilIdle: settle };
    const refs = new Map<string, string>();
    const customers = new Map<string, string>();
    const held: SimChange[] = [];
    await settle();

    for (const [index, step] of scenario.steps.entries()) {
      const at = instants[index] as number;
      await runDueTimers(timers, at);
      clock.set(Math.max(clock.now(), at));
      await performStep(step, {
        sim,
        names,
        refs,
        customers,
        held,
        restartService: () => running.restart(),
        wipeService: () => running.wipe(),
      });
      const next = scenario.steps[index + 1];
      if (options.settle !== 'instant' || !next || Date.parse(next.at) !== at || step.restart || step.wipe) await settle();
    }
    // Webhooks still kept back are delivered at the end rather than lost.
    sim.webhooks.dispatch(held.splice(0));
    await settle();
    await runDueTimers(timers, instants.at(-1) as number);
    const collected = await collectReport({ sim, store: workflowStore, refs, customers });
    const last = instants.at(-1) as number;
    // The period ends just after the last step, so what happened at its instant is in it.
    const report = options.review
      ? { ...collected, review: await running.review({ fromMs: instants[0] as number, toMs: last + 1 }, last) }
      : collected;
    await options.inspect?.({ sim, store: workflowStore, refs, httpUrl: running.httpUrl() });
    await options.onFinish?.({ redisUrl: redis.url, prefix: redis.prefix, sim });
    return report;
  } finally {
    await pipeline?.close();
    await redis.cleanUp();
  }
}
