import { Redis } from 'ioredis';
import { createManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { performStep } from '../../src/scenario/perform-step.js';
import { parseScenario } from '../../src/scenario/scenario-schema.js';
import { startPipeline } from '../../src/scenario/start-pipeline.js';
import { waitUntilIdle } from '../../src/scenario/wait-idle.js';
import type { TimerTarget } from '../../src/queue/sla-timers.js';

export interface OpenClockTemplate {
  requestNodeId: string;
  stateJson: string;
  ttlSeconds: number;
  targets: TimerTarget[];
}

/**
 * Runs the real pipeline for one Medium incident (a Monday morning, both targets running) and
 * returns what the service keeps in Redis for it, so the benchmark copies the real shape.
 */
export async function captureOpenClock(redisUrl: string): Promise<OpenClockTemplate> {
  const logger = createLogger({ level: 'error', stream: process.stderr });
  const scenario = parseScenario({ config: {}, steps: [{ at: '2026-11-30T09:00:00Z', create: { ref: 'r1', impact: 'medium', subject: 'Mail down for one user', serviceInstance: 'Mail' } }] });
  const step = scenario.steps[0];
  if (!step) throw new Error('scenario has no step');
  const clock = createManualClock(Date.parse(step.at));
  const prefix = 'capture';
  const pipeline = await startPipeline({ config: scenario.config, clock, redisUrl, prefix, logger });
  const redis = new Redis(redisUrl);
  try {
    const { sim, names, queues } = pipeline;
    const refs = new Map<string, string>();
    await performStep(step, { sim, names, refs, held: [], restartService: () => pipeline.restart(), wipeService: () => pipeline.wipe() });
    await waitUntilIdle({ webhooksIdle: () => sim.webhooks.idle(), work: [queues.events, queues.requests, queues.problems, queues.problemEvents], timers: [queues.timers, queues.rcaTimers] });
    const requestNodeId = refs.get('r1') ?? '';
    const key = `${prefix}:workflow:${requestNodeId}`;
    const stateJson = (await redis.get(key)) ?? '';
    const index = await redis.hgetall(`${prefix}:sla-timers:current`);
    const targets = Object.keys(index).filter((field) => field.startsWith(`${requestNodeId}:`)).map((field) => field.slice(requestNodeId.length + 1) as TimerTarget);
    if (!stateJson || targets.length === 0) throw new Error('the pipeline left no open clock to copy');
    return { requestNodeId, stateJson, ttlSeconds: await redis.ttl(key), targets };
  } finally {
    redis.disconnect();
    await pipeline.close();
  }
}
