import type { SlaGoals } from '../sla/sla-policy.js';
import type { Priority } from '../triage/categories.js';
import type { RecordRule, SlaRecord, TargetKind } from './sla-record.js';

/** One distinct rule among the period's records, with how many records were decided under it. */
export interface AppliedRule extends RecordRule {
  priority: Priority;
  target: TargetKind;
  records: number;
}

/** Which settings the report's figures rest on (§3: a closed month's report is the same whenever it is run). */
export interface SettingsApplied {
  /** The goals the report judged by (SLA_GOALS when it was run). */
  goals: SlaGoals;
  /** The rules the counted records were decided under, as kept with each record from its request's registration. */
  rules: AppliedRule[];
  /** Counted records written before rules were kept (read under the reading of their time). */
  recordsWithoutRule: number;
}

/**
 * The settings behind a period's figures: the goals used, and per priority and target each distinct
 * rule (allowed time, resolution start, response rule) the records were decided under, counted. A
 * setting changed after a request's registration does not appear for it: its record keeps the old.
 */
export function settingsApplied(records: readonly SlaRecord[], goals: SlaGoals): SettingsApplied {
  const rules = new Map<string, AppliedRule>();
  let recordsWithoutRule = 0;
  for (const record of records) {
    if (!record.rule) {
      recordsWithoutRule += 1;
      continue;
    }
    const key = [record.priority, record.target, record.rule.allowedMs, record.rule.resolutionClockStart, record.rule.responseBy].join('|');
    const known = rules.get(key);
    if (known) known.records += 1;
    else rules.set(key, { priority: record.priority, target: record.target, ...record.rule, records: 1 });
  }
  const order = ['top', 'high', 'medium', 'low'];
  return {
    goals,
    rules: [...rules.values()].sort(
      (a, b) => order.indexOf(a.priority) - order.indexOf(b.priority) || a.target.localeCompare(b.target) || a.allowedMs - b.allowedMs,
    ),
    recordsWithoutRule,
  };
}
