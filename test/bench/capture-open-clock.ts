import { Redis } from 'ioredis';
import { createManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { performStep } from '../../src/scenario/perform-step.js';
import { parseScenario } from '../../src/scenario/scenario-schema.js';
import { startPipeline } from '../../src/scenario/start-pipeline.js';
import { waitUntilIdle } from '../../src/scenario/wait-idle.js';
import { decodeState } from '../../src/state/state-codec.js';

export interface OpenClockTemplate {
  requestNodeId: string;
  /** The request's workflow state as stored (encoded by the workflow store). */
  stateBytes: Buffer;
  ttlSeconds: number;
  /** The request's pending wake-up (one timer per request). */
  wakeUpAtMs: number;
}

/**
 * Runs the real pipeline for one Medium incident (a Monday morning, both targets running) and
 * returns what the service keeps in Redis for it, so the benchmark copies the real shape.
 */
export async function captureOpenClock(redisUrl: string): Promise<OpenClockTemplate> {
  const logger = createLogger({ level: 'error', stream: process.stderr });
  const scenario = parseScenario({
    config: {},
    steps: [
      {
        at: '2026-11-30T09:00:00Z',
        create: {
          ref: 'r1',
          impact: 'medium',
          subject: 'Mail down for one user',
          serviceInstance: 'Mail',
          description:
            'Mail does not open for me. Steps to reproduce: 1. start the mail client; 2. sign in; 3. an error appears every time.',
        },
      },
    ],
  });
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
    await waitUntilIdle({
      webhooksIdle: () => sim.webhooks.idle(),
      work: [queues.events, queues.requests, queues.problems, queues.problemEvents],
      timers: [queues.timers, queues.rcaTimers],
    });
    const requestNodeId = refs.get('r1') ?? '';
    const key = `${prefix}:workflow:${requestNodeId}`;
    const stateBytes = await redis.getBuffer(key);
    const wakeUpAtMs = stateBytes ? (decodeState(stateBytes) as { wakeUpAtMs?: number | null } | undefined)?.wakeUpAtMs : undefined;
    if (!stateBytes || typeof wakeUpAtMs !== 'number') throw new Error('the pipeline left no open clock to copy');
    return { requestNodeId, stateBytes, ttlSeconds: await redis.ttl(key), wakeUpAtMs };
  } finally {
    redis.disconnect();
    await pipeline.close();
  }
}
