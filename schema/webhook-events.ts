/**
 * Every event a Xurrent webhook can carry: the GraphQL enum `WebhookEvent` (83 values; the REST list
 * lacks only `project_task.delete`). Source: docs/xurrent-api.md#webhook-events.
 */
export const XURRENT_WEBHOOK_EVENTS = [
  'app_instance.create', 'app_instance.delete', 'app_instance.secrets-update', 'app_instance.update',
  'automation_rule',
  'broadcast.create', 'broadcast.update',
  'ci.create', 'ci.update',
  'contract.create', 'contract.update',
  'flsa.create', 'flsa.update',
  'knowledge_article.create', 'knowledge_article.update',
  'organization.create', 'organization.update',
  'out_of_office_period.create', 'out_of_office_period.delete', 'out_of_office_period.update',
  'person.create', 'person.update',
  'problem.create', 'problem.manager-changed', 'problem.member-changed', 'problem.note-added', 'problem.status-changed', 'problem.team-changed', 'problem.update',
  'product.create', 'product.update',
  'project_task.create', 'project_task.delete', 'project_task.note-added', 'project_task.status-changed', 'project_task.update',
  'project.create', 'project.manager-changed', 'project.note-added', 'project.status-changed', 'project.update',
  'release.create', 'release.manager-changed', 'release.note-added', 'release.update',
  'request.agile-board-column-changed', 'request.create', 'request.major-incident-status-changed', 'request.member-changed', 'request.note-added', 'request.status-changed', 'request.team-changed', 'request.update',
  'risk.create', 'risk.manager-changed', 'risk.note-added', 'risk.status-changed', 'risk.update',
  'service_instance.create', 'service_instance.update',
  'service_offering.create', 'service_offering.update',
  'service.create', 'service.update',
  'sla.create', 'sla.update',
  'task.create', 'task.member-changed', 'task.note-added', 'task.status-changed', 'task.team-changed', 'task.update',
  'team.create', 'team.update',
  'time_entry.create', 'time_entry.delete', 'time_entry.update',
  'webhook.verify',
  'workflow.create', 'workflow.manager-changed', 'workflow.note-added', 'workflow.status-changed', 'workflow.update',
] as const;
export type XurrentWebhookEvent = (typeof XURRENT_WEBHOOK_EVENTS)[number];

/** Request events this service acts on: each becomes a request-event job. */
export const REQUEST_EVENTS = [
  'request.create',
  'request.update',
  'request.status-changed',
  'request.note-added',
  'request.team-changed',
  'request.member-changed',
] as const satisfies readonly XurrentWebhookEvent[];
export type RequestEventName = (typeof REQUEST_EVENTS)[number];

export type ProblemEventName = Extract<XurrentWebhookEvent, `problem.${string}`>;

const KNOWN = new Set<string>(XURRENT_WEBHOOK_EVENTS);
const REQUEST = new Set<string>(REQUEST_EVENTS);

export const isKnownEvent = (name: string): name is XurrentWebhookEvent => KNOWN.has(name);
export const isRequestEvent = (name: string): name is RequestEventName => REQUEST.has(name);
export const isProblemEvent = (name: string): name is ProblemEventName => name.startsWith('problem.') && KNOWN.has(name);
