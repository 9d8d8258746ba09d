import type { Job } from 'bullmq';
import { systemClock, type Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import type { XurrentClient } from '../../src/xurrent/client.js';
import { createJobContext, type JobContext } from '../../workers/job-context.js';

/**
 * The context a worker gives a processor, for calling one directly: a job that is never moved
 * (a test that meets a busy lock fails loudly) and whose progress figures go to `onProgress`.
 */
export function testJobContext(deps: {
  xurrent: XurrentClient;
  logger: Logger;
  clock?: Clock;
  jobId?: string;
  onProgress?: (figures: object) => void;
}): JobContext {
  const job = {
    id: deps.jobId ?? 'test-job',
    name: 'test',
    moveToDelayed: async () => {
      throw new Error('the test job met a busy lock');
    },
    updateProgress: async (figures: object) => deps.onProgress?.(figures),
  } as unknown as Job;
  return createJobContext(job, undefined, { xurrent: deps.xurrent, logger: deps.logger, clock: deps.clock ?? systemClock });
}
