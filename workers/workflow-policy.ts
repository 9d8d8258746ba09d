import type { Config } from '../src/config.js';
import { createBusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import { createInstantFormatter } from '../src/domain/notes/render-notes.js';
import type { WorkflowPolicy } from '../src/domain/workflow/plan-reconcile.js';

/** The workflow rules' inputs, built once from the configuration. */
export function createWorkflowPolicy(config: Pick<Config, 'sla' | 'workflow'> & { breakFix?: Pick<Config['breakFix'], 'mode'> }): WorkflowPolicy {
  const { sla, workflow } = config;
  return {
    triage: { priorityRules: workflow.priorityRules, xurrentServiceInstanceIds: workflow.xurrentServiceInstanceIds },
    sla: { targets: sla.targets, warningPercent: sla.warningPercent, resolutionClockStart: sla.resolutionClockStart },
    calendar: createBusinessCalendar(sla.calendar),
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
  };
}
