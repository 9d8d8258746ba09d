/** Queue and job names: the contract between the webhook receiver and the workers. */
export const QUEUE_NAMES = {
  /** Events from Xurrent, one job per accepted delivery. */
  events: 'xurrent-events',
  /** Problem events from Xurrent, kept for the problem-management worker (not consumed yet). */
  problemEvents: 'xurrent-problem-events',
  /** Webhook verification handshakes (call Xurrent's callback URL). */
  webhookVerify: 'webhook-verify',
} as const;

export const JOB_NAMES = {
  /** A Xurrent request changed: look at it and act. */
  requestEvent: 'request-event',
  /** A Xurrent problem changed. */
  problemEvent: 'problem-event',
  /** Prove to Xurrent that we own the webhook endpoint. */
  webhookVerify: 'webhook-verify',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];
