import type { Logger } from '../logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Runs the steps in order (stop HTTP, then workers, queues, Redis) within one overall deadline.
 * `worker.close()` never resolves while Redis is unreachable, so every step is raced against what
 * is left of the deadline. Resolves true when everything stopped cleanly.
 */
export async function runShutdown(steps: readonly ShutdownStep[], deadlineMs: number, logger: Logger): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  let clean = true;
  for (const step of steps) {
    const left = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, left));
    });
    try {
      const outcome = await Promise.race([step.run().then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout') {
        clean = false;
        logger.warn('shutdown step did not finish before the deadline', { component: 'shutdown', step: step.name });
      }
    } catch (error) {
      clean = false;
      logger.warn('shutdown step failed', {
        component: 'shutdown',
        step: step.name,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      clearTimeout(timer);
    }
  }
  return clean;
}

/** On SIGTERM/SIGINT: run the shutdown once and exit 0 when clean, 1 when something was abandoned. */
export function exitOnSignals(
  steps: () => readonly ShutdownStep[] | Promise<readonly ShutdownStep[]>,
  deadlineMs: number,
  logger: Logger,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { component: 'shutdown', signal, deadlineMs });
    void Promise.resolve(steps())
      .then((list) => runShutdown(list, deadlineMs, logger))
      .then((clean) => {
        logger.info('stopped', { component: 'shutdown', clean });
        process.exit(clean ? 0 : 1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
