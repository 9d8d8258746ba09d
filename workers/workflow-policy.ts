import type { Config } from '../src/config.js';
import { createBusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import { createInstantFormatter } from '../src/domain/notes/render-notes.js';
import type { WorkflowPolicy } from '../src/domain/workflow/plan-reconcile.js';
import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import { customerOfRequest } from '../src/domain/reports/report-customers.js';
import { settingsFor, type CustomerSettings, type NoteLocale } from '../src/domain/reports/customer-settings.js';

/** The workflow rules' inputs, built once from the configuration. */
export function createWorkflowPolicy(
  config: Pick<Config, 'sla' | 'workflow' | 'registration'> & { problems?: Pick<Config['problems'], 'rcaRequestCues'> } & {
    breakFix?: Pick<Config['breakFix'], 'mode'>;
    xurrent?: { account: string } | null | undefined;
  },
): WorkflowPolicy {
  const { sla, workflow, registration } = config;
  const calendar = createBusinessCalendar(sla.calendar);
  return {
    triage: { priorityRules: workflow.priorityRules, xurrentServiceInstanceIds: workflow.xurrentServiceInstanceIds },
    sla: { targets: sla.targets, warningPercent: sla.warningPercent, resolutionClockStart: sla.resolutionClockStart, responseBy: 'person' },
    calendar,
    ladder: { warningPercent: sla.warningPercent, l2AfterPercent: workflow.escalation.l2AfterPercent },
    escalation: {
      serviceSupportManagerId: workflow.escalation.serviceSupportManagerId,
      ctoId: workflow.escalation.ctoId,
      mode: workflow.escalation.mode,
    },
    formatInstant: createInstantFormatter(sla.calendar.zone, workflow.locale),
    customFields: workflow.customFields,
    xurrentSupplierId: workflow.xurrentSupplierOrganizationId,
    xurrentEscalationMode: config.breakFix?.mode ?? 'supplier',
    xurrentEscalationTrigger: workflow.xurrentEscalationTrigger,
    xurrentEscalationTags: workflow.xurrentEscalationTags,
    escalationCues: workflow.escalationCues,
    xurrentSupportContact: workflow.xurrentSupportContact,
    locale: workflow.locale,
    ...(config.problems ? { rcaRequestCues: config.problems.rcaRequestCues } : {}),
    firstLine: { completeness: { ...registration.completeness, language: workflow.locale, calendar }, routing: registration.routing },
    slaServiceInstanceIds: workflow.slaServiceInstanceIds,
    providerAccountId: config.xurrent?.account ?? null,
    signalTags: { rootCause: sla.rootCauseTags, excuse: sla.excuseTags, unexcuse: ['#unexcused'] },
    rootCauseReminderMs: sla.rootCauseReminderMs > 0 ? sla.rootCauseReminderMs : null,
  };
}

/**
 * The policy a request's notes are written under: the global one, with the request's customer's
 * locale from `CUSTOMER_SETTINGS` when it overrides `SUPPORT_LOCALE` (instants and the ask for
 * missing details in that customer's language). One policy per locale, built once.
 */
export function createCustomerPolicies(
  base: WorkflowPolicy,
  config: { zone: string; locale: NoteLocale; customerSettings: CustomerSettings; providerAccountId: string | null },
): (request: Pick<RequestDetail, 'account' | 'requestedFor'>) => WorkflowPolicy {
  const byLocale = new Map<NoteLocale, WorkflowPolicy>([[config.locale, base]]);
  return (request) => {
    if (config.customerSettings.size === 0) return base;
    const customer = customerOfRequest(request, config.providerAccountId);
    const { locale } = settingsFor({ locale: config.locale, deployment: 'cloud' as const }, config.customerSettings, customer);
    const known = byLocale.get(locale);
    if (known) return known;
    const firstLine = base.firstLine
      ? { ...base.firstLine, completeness: { ...base.firstLine.completeness, language: locale } }
      : undefined;
    const policy: WorkflowPolicy = {
      ...base,
      formatInstant: createInstantFormatter(config.zone, locale),
      ...(firstLine ? { firstLine } : {}),
    };
    byLocale.set(locale, policy);
    return policy;
  };
}
