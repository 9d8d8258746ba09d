import { parsePriorityRules, type PriorityRule } from '../../src/domain/triage/priority-rules.js';
import type { CustomFieldMapping } from '../../src/domain/workflow/custom-fields.js';
import type { EnvOf } from './fields.js';
import type { workflowEnvShape } from './workflow.js';

type WorkflowEnv = EnvOf<typeof workflowEnvShape>;

export interface WorkflowConfig {
  /** Service instances standing for Xurrent's own service (node ids). */
  xurrentServiceInstanceIds: readonly string[];
  /** The IV Integratiedienst's service instances, the section 3 SLA's scope (node ids); null: unset (every instance but Xurrent's). */
  slaServiceInstanceIds: readonly string[] | null;
  priorityRules: readonly PriorityRule[];
  escalation: { serviceSupportManagerId: string | null; ctoId: string | null; mode: 'watch' | 'assign'; l2AfterPercent: number };
  locale: 'en' | 'nl';
  customFields: CustomFieldMapping;
  /** Break-fix escalation: Xurrent as a supplier organization (node id), or null. */
  xurrentSupplierOrganizationId: string | null;
}

export function toWorkflowConfig(env: WorkflowEnv): WorkflowConfig {
  const rules = parsePriorityRules(env.PRIORITY_RULES ?? '');
  return {
    xurrentServiceInstanceIds: (env.XURRENT_SERVICE_INSTANCE_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    slaServiceInstanceIds: env.SLA_SERVICE_INSTANCE_IDS === undefined ? null : env.SLA_SERVICE_INSTANCE_IDS.split(',').map((id) => id.trim()).filter(Boolean),
    // The schema has checked the rules already; an empty list is only reached for an empty value.
    priorityRules: rules.ok ? rules.value : [],
    escalation: {
      serviceSupportManagerId: env.ESCALATION_L1_PERSON_ID ?? null,
      ctoId: env.ESCALATION_L2_PERSON_ID ?? null,
      mode: env.ESCALATION_MODE,
      l2AfterPercent: env.ESCALATION_L2_AFTER_PERCENT,
    },
    locale: env.SUPPORT_LOCALE,
    xurrentSupplierOrganizationId: env.XURRENT_SUPPLIER_ORGANIZATION_ID ?? null,
    customFields: {
      priority: env.XURRENT_CUSTOM_FIELD_PRIORITY ?? null,
      responseDue: env.XURRENT_CUSTOM_FIELD_RESPONSE_DUE ?? null,
      resolutionDue: env.XURRENT_CUSTOM_FIELD_RESOLUTION_DUE ?? null,
      slaState: env.XURRENT_CUSTOM_FIELD_SLA_STATE ?? null,
    },
  };
}
