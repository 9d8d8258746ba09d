import { z } from 'zod';

/** Job data holds ids and the event name only: never tokens or personal data. */
export const RequestEventJobSchema = z.object({
  deliveryId: z.string().min(1),
  event: z.string().min(1),
  accountId: z.string().min(1),
  requestNodeId: z.string().min(1),
  receivedAt: z.iso.datetime(),
});
export type RequestEventJob = z.infer<typeof RequestEventJobSchema>;
