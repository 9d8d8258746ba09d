import type { Impact } from '../../src/domain/triage/categories.js';
import type { EnvOf } from './fields.js';
import type { problemsEnvShape } from './problems.js';

type ProblemsEnv = EnvOf<typeof problemsEnvShape>;

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

export function toProblemsConfig(env: ProblemsEnv): ProblemsConfig {
  return {
    impacts: env.PROBLEM_IMPACTS.split(',').map((s) => s.trim()).filter(Boolean) as Impact[],
    repeatThreshold: env.PROBLEM_REPEAT_THRESHOLD,
    groupBy: env.PROBLEM_GROUP_BY,
    windowDays: env.PROBLEM_WINDOW_DAYS,
    rcaDue: env.RCA_DUE,
    managerId: env.PROBLEM_MANAGER_ID ?? null,
    teamId: env.PROBLEM_TEAM_ID ?? null,
    rcaWarningBusinessDays: env.RCA_WARNING_BUSINESS_DAYS,
    rcaRequestCues: env.RCA_REQUEST_CUES.split(',').map((cue) => cue.trim()),
    rcaReportTags: env.RCA_REPORT_TAGS.split(',').map((tag) => tag.trim()),
  };
}
