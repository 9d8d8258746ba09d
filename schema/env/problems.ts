import { z } from 'zod';
import { isPositiveIsoDuration } from '../../src/domain/problems/rca-due.js';
import { parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import { IMPACTS, type Impact } from '../../src/domain/triage/categories.js';
import { commaList, enumWithDefault, intWithDefault, optionalString, parsedBy, stringWithDefault } from './fields.js';
import { defineEnvSection, type FieldsOf } from './section.js';

export interface ProblemsConfig {
  impacts: readonly Impact[];
  repeatThreshold: number;
  groupBy: 'service_instance' | 'configuration_item';
  windowDays: number;
  /** ISO-8601 duration from an incident's registration to its RCA target (validated by the schema). */
  rcaDue: string;
  managerId: string | null;
  teamId: string | null;
  rcaWarningBusinessDays: number;
  /** §3.3: cues of a customer's note that ask for an RCA after a breach. */
  rcaRequestCues: readonly string[];
  /** §2.3: tags of the note on a problem that is its RCA report. */
  rcaReportTags: readonly string[];
}

const isImpact = (text: string): text is Impact => (IMPACTS as readonly string[]).includes(text);

function impactList(text: string, ctx: z.RefinementCtx): Impact[] {
  const items = commaList(text);
  const impacts = items.filter(isImpact);
  if (items.length > 0 && impacts.length === items.length) return impacts;
  ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${IMPACTS.join(', ')}` });
  return z.NEVER;
}

/** Problem management: which incidents become problems, and who owns the root-cause analysis. */
const shape = {
  PROBLEM_IMPACTS: stringWithDefault('high,top').transform(impactList),
  PROBLEM_REPEAT_THRESHOLD: intWithDefault(2, { min: 2, max: 1_000 }),
  PROBLEM_GROUP_BY: enumWithDefault(['service_instance', 'configuration_item'], 'service_instance'),
  PROBLEM_WINDOW_DAYS: intWithDefault(30, { min: 1, max: 3_650 }),
  RCA_DUE: stringWithDefault('P1M').refine(isPositiveIsoDuration, 'must be a positive ISO-8601 duration such as P1M or P4W'),
  PROBLEM_MANAGER_ID: optionalString(),
  PROBLEM_TEAM_ID: optionalString(),
  RCA_WARNING_BUSINESS_DAYS: intWithDefault(5, { min: 0, max: 365 }),
  RCA_REPORT_TAGS: stringWithDefault('#rca').transform(parsedBy(parseTagList)),
  RCA_REQUEST_CUES: stringWithDefault('rca,root cause,hoofdoorzaak,oorzaakanalyse,oorzaak analyse').transform(parsedBy(parseTagList)),
};

function toProblemsConfig(env: FieldsOf<typeof shape>): ProblemsConfig {
  return {
    impacts: env.PROBLEM_IMPACTS,
    repeatThreshold: env.PROBLEM_REPEAT_THRESHOLD,
    groupBy: env.PROBLEM_GROUP_BY,
    windowDays: env.PROBLEM_WINDOW_DAYS,
    rcaDue: env.RCA_DUE,
    managerId: env.PROBLEM_MANAGER_ID ?? null,
    teamId: env.PROBLEM_TEAM_ID ?? null,
    rcaWarningBusinessDays: env.RCA_WARNING_BUSINESS_DAYS,
    rcaRequestCues: env.RCA_REQUEST_CUES,
    rcaReportTags: env.RCA_REPORT_TAGS,
  };
}

export const problemsEnvSection = defineEnvSection({
  shape,
  // Why: grouping by configuration item needs a request filter Xurrent's GraphQL `RequestFilter` lacks (schema/xurrent.graphql).
  check: (env) =>
    env.PROBLEM_GROUP_BY === 'configuration_item'
      ? [{ key: 'PROBLEM_GROUP_BY', message: 'configuration_item is not supported yet; use service_instance' }]
      : [],
  config: (env) => ({ problems: toProblemsConfig(env) }),
});
