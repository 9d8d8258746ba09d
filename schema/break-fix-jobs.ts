import { z } from 'zod';

/** Register the linked request at Xurrent for one escalated request; the job reads current state. */
export const ForwardToXurrentJobSchema = z.object({ requestNodeId: z.string().min(1) });
export type ForwardToXurrentJob = z.infer<typeof ForwardToXurrentJobSchema>;

/** One poll of a request's linked request at Xurrent. */
export const FollowUpXurrentJobSchema = z.object({
  requestNodeId: z.string().min(1),
  /** The instant the poll is meant for, epoch ms (the scenario runner fires timers in this order). */
  fireAtMs: z.number().int(),
});
export type FollowUpXurrentJob = z.infer<typeof FollowUpXurrentJobSchema>;
