import { z } from 'zod';
import { isPositiveIsoDuration } from '../../src/domain/problems/rca-due.js';
import { IMPACTS } from '../../src/domain/triage/categories.js';
import { parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import { enumWithDefault, intWithDefault, optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

function checkImpacts(text: string, ctx: z.RefinementCtx) {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !(IMPACTS as readonly string[]).includes(i));
  if (items.length === 0 || bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${IMPACTS.join(', ')}` });
}

function checkDuration(text: string, ctx: z.RefinementCtx) {
  if (!isPositiveIsoDuration(text)) ctx.addIssue({ code: 'custom', message: 'must be a positive ISO-8601 duration such as P1M or P4W' });
}

function checkCues(text: string | undefined, ctx: z.RefinementCtx) {
  if (text === undefined) return;
  const result = parseTagList(text);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
}

/** Problem management: which incidents become problems, and who owns the root-cause analysis. */
export const problemsEnvShape = {
  PROBLEM_IMPACTS: stringWithDefault('high,top').superRefine(checkImpacts),
  PROBLEM_REPEAT_THRESHOLD: intWithDefault(2, { min: 2, max: 1_000 }),
  PROBLEM_GROUP_BY: enumWithDefault(['service_instance', 'configuration_item'], 'service_instance'),
  PROBLEM_WINDOW_DAYS: intWithDefault(30, { min: 1, max: 3_650 }),
  RCA_DUE: stringWithDefault('P1M').superRefine(checkDuration),
  PROBLEM_MANAGER_ID: optionalString(),
  PROBLEM_TEAM_ID: optionalString(),
  RCA_WARNING_BUSINESS_DAYS: intWithDefault(5, { min: 0, max: 365 }),
  RCA_REPORT_TAGS: stringWithDefault('#rca').superRefine(checkCues),
  RCA_REQUEST_CUES: stringWithDefault('rca,root cause,hoofdoorzaak,oorzaakanalyse,oorzaak analyse').superRefine(checkCues),
};

export const problemsEnvSection = defineEnvSection({
  shape: problemsEnvShape,
  // Why: grouping by configuration item needs a request filter Xurrent's GraphQL `RequestFilter` lacks (schema/xurrent.graphql).
  check: (env) => (env.PROBLEM_GROUP_BY === 'configuration_item' ? [{ key: 'PROBLEM_GROUP_BY', message: 'configuration_item is not supported yet; use service_instance' }] : []),
});
