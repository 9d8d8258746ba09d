/** Queue and job names: the contract between the webhook receiver and the workers. */
export const QUEUE_NAMES = {
  /** Events from Xurrent, one job per accepted delivery. */
  events: 'xurrent-events',
} as const;

export const JOB_NAMES = {
  /** A Xurrent request changed: look at it and act. */
  requestEvent: 'request-event',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];
