/** What one run of the pipeline bench measured, and how the bench's table shows it. */
export interface PipelineRun {
  processes: number;
  deliveries: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  calls: number;
  mutations: number;
  failedCalls: number;
  seconds: number;
  /** Redis commands during the run (the bench's own queue polling, every 50 ms, included). */
  commands: number;
  /** CPU milliseconds per event: this process (simulator and load), the web process, the workers, Redis. */
  cpuPerEvent: { simulator: number; web: number; workers: number; redis: number };
}

/** One row of the bench's table: a configuration's median run, beside the bare BullMQ queue's jobs/s. */
export const reportRow = (run: PipelineRun, bare: number, requests: number) => ({
  'webhooks 202': run.deliveries,
  seconds: Number(run.seconds.toFixed(1)),
  'events/s': Math.round(run.eventsPerSecond),
  'events/s per process': Math.round(run.eventsPerSecond / run.processes),
  'creates→note /s': Math.round(run.requestsPerSecond),
  'Xurrent calls': run.calls,
  'calls/event': Number((run.calls / run.deliveries).toFixed(2)),
  'calls/create': Number((run.calls / requests).toFixed(2)),
  'failed calls': run.failedCalls,
  'Redis cmds/event': Math.round(run.commands / run.deliveries),
  'CPU ms/event sim|web|workers|redis': Object.values(run.cpuPerEvent).join(' | '),
  'events per worker CPU-second': Math.round(1_000 / run.cpuPerEvent.workers),
  'bare BullMQ jobs/s': Math.round(bare),
  'ratio to bare': Number((run.eventsPerSecond / bare).toFixed(3)),
});
