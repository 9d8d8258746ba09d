import { z } from 'zod';

/** Check one incident for problem management; the job reads current state, so it carries the id only. */
export const ManageProblemJobSchema = z.object({ requestNodeId: z.string().min(1) });
export type ManageProblemJob = z.infer<typeof ManageProblemJobSchema>;

/** Wakes the RCA follow-up of a problem: a warning before its RCA target, an escalation once it passed. */
export const RcaFollowUpJobSchema = z.object({
  problemNodeId: z.string().min(1),
  stage: z.enum(['warning', 'overdue']),
  /** The instant the timer is meant for, epoch ms (a virtual clock fires timers in this order). */
  fireAtMs: z.number().int(),
});
export type RcaFollowUpJob = z.infer<typeof RcaFollowUpJobSchema>;
