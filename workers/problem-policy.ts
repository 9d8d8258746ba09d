import type { Config } from '../src/config.js';
import { createBusinessCalendar } from '../src/domain/calendar/business-calendar.js';
import type { ProblemPolicy } from '../src/domain/problems/detect-problem.js';
import type { ProblemWritePolicy } from '../src/domain/problems/plan-problem-write.js';
import type { RcaFollowUpPolicy } from '../src/domain/problems/rca-follow-up.js';
import type { GroupKind } from '../src/domain/problems/problem-group.js';
import type { TriagePolicy } from '../src/domain/triage/classify.js';
import { createInstantFormatter } from '../src/domain/notes/render-notes.js';
import { MS_PER_DAY } from '../src/domain/calendar/weekly-hours.js';

/** Everything the problem rules need, built once from the configuration. */
export interface ProblemManagementPolicy {
  detect: ProblemPolicy;
  write: ProblemWritePolicy;
  triage: TriagePolicy;
  groupBy: GroupKind;
  rca: RcaFollowUpPolicy;
  /** The language of notes to requesters (`SUPPORT_LOCALE`). */
  locale: 'en' | 'nl';
}

export function createProblemPolicy(config: Pick<Config, 'sla' | 'workflow' | 'problems'>): ProblemManagementPolicy {
  const { sla, workflow, problems } = config;
  const calendar = createBusinessCalendar(sla.calendar);
  const format = createInstantFormatter(sla.calendar.zone, workflow.locale);
  return {
    detect: { impacts: problems.impacts, repeatThreshold: problems.repeatThreshold, windowMs: problems.windowDays * MS_PER_DAY },
    write: {
      rcaDue: problems.rcaDue,
      zone: sla.calendar.zone,
      managerId: problems.managerId,
      teamId: problems.teamId,
      businessMillisBetween: calendar.businessMillisBetween,
      format,
    },
    triage: { priorityRules: workflow.priorityRules, xurrentServiceInstanceIds: workflow.xurrentServiceInstanceIds },
    groupBy: problems.groupBy,
    locale: workflow.locale,
    rca: {
      warningBusinessDays: problems.rcaWarningBusinessDays,
      reportTags: problems.rcaReportTags,
      serviceSupportManagerId: workflow.escalation.serviceSupportManagerId,
      calendar,
      format,
    },
  };
}
