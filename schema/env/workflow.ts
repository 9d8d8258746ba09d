import { parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import { parsePriorityRules, type PriorityRule } from '../../src/domain/triage/priority-rules.js';
import type { CustomFieldMapping } from '../../src/domain/workflow/custom-fields.js';
import { commaList, enumWithDefault, intWithDefault, optionalString, parsedBy, stringWithDefault } from './fields.js';
import { defineEnvSection, type FieldsOf } from './section.js';

export interface WorkflowConfig {
  /** Service instances standing for Xurrent's own service (node ids). */
  xurrentServiceInstanceIds: readonly string[];
  /** The IV Integratiedienst's service instances, the section 3 SLA's scope (node ids); null: unset (every instance but Xurrent's). */
  slaServiceInstanceIds: readonly string[] | null;
  priorityRules: readonly PriorityRule[];
  escalation: { serviceSupportManagerId: string | null; ctoId: string | null; mode: 'watch' | 'assign'; l2AfterPercent: number };
  /** §2.8: cues of a requester's note that escalate the request (SSM, then CTO). */
  escalationCues: readonly string[];
  locale: 'en' | 'nl';
  customFields: CustomFieldMapping;
  /** Break-fix escalation: Xurrent as a supplier organization (node id), or null. */
  xurrentSupplierOrganizationId: string | null;
  /** §4 level 1 first: `agent` forwards on an agent's tag note, `automatic` at once. */
  xurrentEscalationTrigger: 'agent' | 'automatic';
  /** The tags of an agent's note that forwards a Xurrent Service request. */
  xurrentEscalationTags: readonly string[];
  /** §2.1: where the customer reaches Xurrent directly for a Top outage outside office hours. */
  xurrentSupportContact: string;
}

/** Triage, the escalation ladder's people, and how tickets are enriched. */
const shape = {
  XURRENT_SERVICE_INSTANCE_IDS: stringWithDefault('').transform(commaList),
  // Unset (null): every instance but Xurrent's is in the section 3 SLA's scope.
  SLA_SERVICE_INSTANCE_IDS: optionalString().transform((text) => (text === undefined ? null : commaList(text))),
  PRIORITY_RULES: stringWithDefault('').transform(parsedBy(parsePriorityRules)),
  ESCALATION_L1_PERSON_ID: optionalString(),
  ESCALATION_L2_PERSON_ID: optionalString(),
  ESCALATION_L2_AFTER_PERCENT: intWithDefault(100, { min: 0, max: 10_000 }),
  ESCALATION_MODE: enumWithDefault(['watch', 'assign'], 'watch'),
  ESCALATION_CUES: stringWithDefault('escalate,escalatie,escaleren').transform(parsedBy(parseTagList)),
  SUPPORT_LOCALE: enumWithDefault(['en', 'nl'], 'en'),
  // Read by the break-fix section's configuration (break-fix.ts).
  XURRENT_ESCALATION_MODE: enumWithDefault(['supplier', 'request'], 'supplier'),
  XURRENT_ESCALATION_TRIGGER: enumWithDefault(['agent', 'automatic'], 'agent'),
  XURRENT_ESCALATION_TAGS: stringWithDefault('#xurrent').transform(parsedBy(parseTagList)),
  XURRENT_SUPPORT_CONTACT: stringWithDefault('support@xurrent.com'),
  XURRENT_SUPPLIER_ORGANIZATION_ID: optionalString(),
  XURRENT_CUSTOM_FIELD_PRIORITY: optionalString(),
  XURRENT_CUSTOM_FIELD_RESPONSE_DUE: optionalString(),
  XURRENT_CUSTOM_FIELD_RESOLUTION_DUE: optionalString(),
  XURRENT_CUSTOM_FIELD_SLA_STATE: optionalString(),
};

function toWorkflowConfig(env: FieldsOf<typeof shape>): WorkflowConfig {
  return {
    xurrentServiceInstanceIds: env.XURRENT_SERVICE_INSTANCE_IDS,
    slaServiceInstanceIds: env.SLA_SERVICE_INSTANCE_IDS,
    priorityRules: env.PRIORITY_RULES,
    escalation: {
      serviceSupportManagerId: env.ESCALATION_L1_PERSON_ID ?? null,
      ctoId: env.ESCALATION_L2_PERSON_ID ?? null,
      mode: env.ESCALATION_MODE,
      l2AfterPercent: env.ESCALATION_L2_AFTER_PERCENT,
    },
    escalationCues: env.ESCALATION_CUES,
    locale: env.SUPPORT_LOCALE,
    xurrentSupplierOrganizationId: env.XURRENT_SUPPLIER_ORGANIZATION_ID ?? null,
    xurrentEscalationTrigger: env.XURRENT_ESCALATION_TRIGGER,
    xurrentEscalationTags: env.XURRENT_ESCALATION_TAGS,
    xurrentSupportContact: env.XURRENT_SUPPORT_CONTACT,
    customFields: {
      priority: env.XURRENT_CUSTOM_FIELD_PRIORITY ?? null,
      responseDue: env.XURRENT_CUSTOM_FIELD_RESPONSE_DUE ?? null,
      resolutionDue: env.XURRENT_CUSTOM_FIELD_RESOLUTION_DUE ?? null,
      slaState: env.XURRENT_CUSTOM_FIELD_SLA_STATE ?? null,
    },
  };
}

export const workflowEnvSection = defineEnvSection({
  shape,
  // §3 vs §4: the Xurrent Service never has the section 3 SLA, so an instance cannot be in both lists.
  check: (env) => {
    const xurrent = new Set(env.XURRENT_SERVICE_INSTANCE_IDS);
    const both = (env.SLA_SERVICE_INSTANCE_IDS ?? []).filter((id) => xurrent.has(id));
    return both.length > 0
      ? [
          {
            key: 'SLA_SERVICE_INSTANCE_IDS',
            message: `lists ${both.join(', ')}, also in XURRENT_SERVICE_INSTANCE_IDS: the Xurrent Service has no section 3 SLA (contract §3, §4)`,
          },
        ]
      : [];
  },
  config: (env) => ({ workflow: toWorkflowConfig(env) }),
});
