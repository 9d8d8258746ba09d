/** Queue and job names: the contract between the webhook receiver and the workers. */
export const QUEUE_NAMES = {
  /** Events from Xurrent, one job per accepted delivery. */
  events: 'xurrent-events',
  /** Problem events from Xurrent: a solved problem's outcome is noted on its incidents. */
  problemEvents: 'xurrent-problem-events',
  /** Webhook verification handshakes (call Xurrent's callback URL). */
  webhookVerify: 'webhook-verify',
  /** One reconcile job per request at a time (bursts coalesce): converge on its current state. */
  requests: 'xurrent-requests',
  /** Delayed jobs that wake a request's reconcile when an SLA threshold (warning, breach, level 2) is reached. */
  slaTimers: 'sla-timers',
  /** One problem-management check per reconciled incident (coalesced per request): create or link its problem. */
  problems: 'xurrent-problems',
  /** Delayed jobs of a problem's RCA follow-up (warning before the target, escalation after it). */
  rcaFollowUp: 'rca-follow-up',
  /** Break-fix, request mode: register the linked request at Xurrent's support (one per request at a time). */
  xurrentForward: 'xurrent-forward',
  /** Break-fix, request mode: delayed polls of a linked request at Xurrent, one pending per request. */
  xurrentFollowUp: 'xurrent-follow-up',
  /** The reconciliation sweep (every RESYNC_INTERVAL) and full resyncs (cold start, `cli resync`). */
  resync: 'xurrent-resync',
} as const;

export const JOB_NAMES = {
  /** A Xurrent request changed: look at it and act. */
  requestEvent: 'request-event',
  /** A Xurrent problem changed. */
  problemEvent: 'problem-event',
  /** Prove to Xurrent that we own the webhook endpoint. */
  webhookVerify: 'webhook-verify',
  /** Fetch a request's current state and converge on it. */
  reconcileRequest: 'reconcile-request',
  /** An SLA threshold of a request is due: reconcile it. */
  slaTimer: 'sla-timer',
  /** Decide whether a reconciled incident needs a problem, and create or link it. */
  manageProblem: 'manage-problem',
  /** A problem's RCA target is near or passed: check it and note or escalate. */
  rcaFollowUp: 'rca-follow-up',
  /** Register (or find again) the linked request at Xurrent for an escalated request. */
  forwardToXurrent: 'forward-to-xurrent',
  /** Poll the linked request at Xurrent and note its progress on the customer's request. */
  followUpXurrent: 'follow-up-xurrent',
  /** Page through the requests changed since the sweep's high-water mark and reconcile the unseen ones. */
  resyncSweep: 'resync-sweep',
  /** Reconcile every open request (and those changed since an instant); find the worker's open problems again. */
  resyncFull: 'resync-full',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];
