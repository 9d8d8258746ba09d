import type { z } from 'zod';
import { parsePriorityRules } from '../../src/domain/triage/priority-rules.js';
import { enumWithDefault, intWithDefault, optionalString } from './fields.js';
import { defineEnvSection } from './section.js';

function checkPriorityRules(text: string | undefined, ctx: z.RefinementCtx) {
  if (text === undefined) return;
  const result = parsePriorityRules(text);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
}

/** Triage, the escalation ladder's people, and how tickets are enriched. */
export const workflowEnvShape = {
  XURRENT_SERVICE_INSTANCE_IDS: optionalString(),
  SLA_SERVICE_INSTANCE_IDS: optionalString(),
  PRIORITY_RULES: optionalString().superRefine(checkPriorityRules),
  ESCALATION_L1_PERSON_ID: optionalString(),
  ESCALATION_L2_PERSON_ID: optionalString(),
  ESCALATION_L2_AFTER_PERCENT: intWithDefault(100, { min: 0, max: 10_000 }),
  ESCALATION_MODE: enumWithDefault(['watch', 'assign'], 'watch'),
  SUPPORT_LOCALE: enumWithDefault(['en', 'nl'], 'en'),
  XURRENT_ESCALATION_MODE: enumWithDefault(['supplier', 'request'], 'supplier'),
  XURRENT_SUPPLIER_ORGANIZATION_ID: optionalString(),
  XURRENT_CUSTOM_FIELD_PRIORITY: optionalString(),
  XURRENT_CUSTOM_FIELD_RESPONSE_DUE: optionalString(),
  XURRENT_CUSTOM_FIELD_RESOLUTION_DUE: optionalString(),
  XURRENT_CUSTOM_FIELD_SLA_STATE: optionalString(),
};

const idList = (text: string | undefined) => (text ?? '').split(',').map((id) => id.trim()).filter(Boolean);

export const workflowEnvSection = defineEnvSection({
  shape: workflowEnvShape,
  // §3 vs §4: the Xurrent Service never has the section 3 SLA, so an instance cannot be in both lists.
  check: (env) => {
    const xurrent = new Set(idList(env.XURRENT_SERVICE_INSTANCE_IDS));
    const both = idList(env.SLA_SERVICE_INSTANCE_IDS).filter((id) => xurrent.has(id));
    return both.length > 0
      ? [{ key: 'SLA_SERVICE_INSTANCE_IDS', message: `lists ${both.join(', ')}, also in XURRENT_SERVICE_INSTANCE_IDS: the Xurrent Service has no section 3 SLA (contract §3, §4)` }]
      : [];
  },
});
