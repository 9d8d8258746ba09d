import type { Config } from '../src/config.js';
import { createBusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import { createInstantFormatter } from '../src/domain/notes/render-notes.js';
import type { WorkflowPolicy } from '../src/domain/workflow/plan-reconcile.js';

/** The workflow rules' inputs, built once from the configuration. */
export function createWorkflowPolicy(
  config: Pick<Config, 'sla' | 'workflow' | 'registration'> & { breakFix?: Pick<Config['breakFix'], 'mode'>; xurrent?: { account: string } | null },
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
    firstLine: { completeness: { ...registration.completeness, language: workflow.locale, calendar }, routing: registration.routing },
    slaServiceInstanceIds: workflow.slaServiceInstanceIds,
    providerAccountId: config.xurrent?.account ?? null,
    signalTags: { rootCause: sla.rootCauseTags, excuse: sla.excuseTags, unexcuse: ['#unexcused'] },
    rootCauseReminderMs: sla.rootCauseReminderMs > 0 ? sla.rootCauseReminderMs : null,
  };
}
