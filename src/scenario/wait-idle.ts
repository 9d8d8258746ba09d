import { setTimeout as sleep } from 'node:timers/promises';

/** The part of a BullMQ queue the idle check reads (a fake in unit tests). */
export interface QueueProbe {
  name: string;
  getJobCounts(...types: ('waiting' | 'active' | 'prioritized' | 'delayed' | 'waiting-children')[]): Promise<Record<string, number>>;
  getDelayed(): Promise<{ timestamp: number; delay: number }[]>;
}

export interface IdleDeps {
  /** Resolves when the simulator has no webhook delivery in flight. */
  webhooksIdle(): Promise<void>;
  /** Queues whose delayed jobs are real-time retries or debounces: any job at all is work to wait for. */
  work: readonly QueueProbe[];
  /** Timer queues (SLA timers, RCA follow-ups): their delayed jobs are virtual (only the event loop promotes them). */
  timers: QueueProbe | readonly QueueProbe[];
  pollMs?: number;
  timeoutMs?: number;
  realNow?: () => number;
}

/** What is still going on, as text for the timeout message; empty when idle. */
async function describeBusy(deps: IdleDeps): Promise<string[]> {
  const busy: string[] = [];
  for (const queue of deps.work) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed', 'waiting-children');
    for (const [state, n] of Object.entries(counts)) if (n > 0) busy.push(`${queue.name}: ${n} ${state}`);
  }
  const now = (deps.realNow ?? Date.now)();
  const timerQueues: readonly QueueProbe[] = Array.isArray(deps.timers) ? deps.timers : [deps.timers as QueueProbe];
  for (const timers of timerQueues) {
    const counts = await timers.getJobCounts('waiting', 'active', 'prioritized');
    for (const [state, n] of Object.entries(counts)) if (n > 0) busy.push(`${timers.name}: ${n} ${state}`);
    const dueNow = (await timers.getDelayed()).filter((job) => job.timestamp + job.delay <= now).length;
    if (dueNow > 0) busy.push(`${timers.name}: ${dueNow} delayed due in real time`);
  }
  return busy;
}

/**
 * Waits until the pipeline has nothing left to do: no webhook in flight and no job waiting,
 * running or retrying. The check is not atomic across queues (a job may hand work to another
 * queue between two reads), so idleness must be seen twice in a row. Fails loudly on timeout,
 * naming what is still busy, rather than letting a scenario report a half-done state.
 */
export async function waitUntilIdle(deps: IdleDeps): Promise<void> {
  const deadline = Date.now() + (deps.timeoutMs ?? 15_000);
  let quietReads = 0;
  let busy: string[] = [];
  while (quietReads < 2) {
    await deps.webhooksIdle();
    busy = await describeBusy(deps);
    quietReads = busy.length === 0 ? quietReads + 1 : 0;
    if (quietReads >= 2) return;
    if (Date.now() > deadline)
      throw new Error(
        `the pipeline did not become idle within ${deps.timeoutMs ?? 15_000} ms (${busy.join('; ') || 'webhooks in flight'})`,
      );
    await sleep(deps.pollMs ?? 10);
  }
}
