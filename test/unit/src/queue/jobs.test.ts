import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../../../src/errors.js';
import { JOBS } from '../../../../src/queue/jobs.js';
import { JOB_NAMES, QUEUE_NAMES } from '../../../../src/queue/names.js';
import { translateJobError } from '../../../../workers/error-policy.js';

describe('the job registry', () => {
  it('names every job and queue of names.ts, each job once (resync-made problem events share the problem event)', () => {
    const defs = Object.values(JOBS);
    expect(new Set(defs.map((job) => job.name))).toEqual(new Set(Object.values(JOB_NAMES)));
    expect(new Set(defs.map((job) => job.queue))).toEqual(new Set(Object.keys(QUEUE_NAMES)));
  });

  it('refuses bad data with the error the error policy fails for good, naming the job', async () => {
    const parse = () => JOBS.reconcileRequest.parse({ name: 'reconcile-request', data: { requestNodeId: '' } });
    expect(parse).toThrow(PayloadError);
    expect(parse).toThrow(/^Bad reconcile-request data: /);
    const error = (() => {
      try {
        return parse();
      } catch (thrown) {
        return thrown;
      }
    })();
    await expect(translateJobError(error, { rateLimit: async () => undefined })).rejects.toBeInstanceOf(UnrecoverableError);
    expect(JOBS.reconcileRequest.parse({ data: { requestNodeId: 'r1', reason: 'x' } })).toEqual({ requestNodeId: 'r1', reason: 'x' });
  });

  it('gives each job its id rule: timers one id per request and instant, coalesced jobs one waiting job per request', () => {
    expect(JOBS.slaTimer.optionsFor({ requestNodeId: 'a:b', fireAtMs: 5 }, { delay: 10 })).toMatchObject({
      jobId: 'sla-a_b-5',
      delay: 10,
      removeOnComplete: true,
      attempts: 10,
    });
    expect(JOBS.rcaFollowUp.optionsFor({ problemNodeId: 'p', stage: 'overdue', fireAtMs: 7 })).toMatchObject({ jobId: 'rca-p-overdue-7' });
    expect(JOBS.followUpXurrent.jobId({ requestNodeId: 'r', fireAtMs: 9 })).toBe('follow-r-9');
    expect(JOBS.reconcileRequest.optionsFor({ requestNodeId: 'r', reason: 'x' }, { priority: 10 })).toMatchObject({
      deduplication: { id: 'reconcile-r', keepLastIfActive: true },
      priority: 10,
    });
    expect(JOBS.manageProblem.optionsFor({ requestNodeId: 'r' })).toMatchObject({
      deduplication: { id: 'problem-r', keepLastIfActive: true },
    });
    expect(JOBS.forwardToXurrent.optionsFor({ requestNodeId: 'r' })).toMatchObject({
      deduplication: { id: 'forward-r', keepLastIfActive: true },
    });
    // Deliveries are known by their delivery id, which the intake's producer gives as `extra`.
    expect(JOBS.requestEvent.optionsFor({} as never, { jobId: 'delivery-d1' })).toMatchObject({ jobId: 'delivery-d1' });
  });
});
