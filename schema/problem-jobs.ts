import { z } from 'zod';

/** Check one incident for problem management; the job reads current state, so it carries the id only. */
export const ManageProblemJobSchema = z.object({ requestNodeId: z.string().min(1) });
export type ManageProblemJob = z.infer<typeof ManageProblemJobSchema>;
