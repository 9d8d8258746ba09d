import { isImpact, type Impact, type Priority } from './categories.js';
import type { PriorityRule } from './priority-rules.js';

/** The contract's mapping: top = down for several users … low = degraded for one user. */
const PRIORITY_OF_IMPACT: Record<Impact, Priority> = { top: 'top', high: 'high', medium: 'medium', low: 'low' };

/**
 * `outside_sla`: an incident outside the section 3 SLA's scope (§3, see decided-rule.ts);
 * `no_root_cause_recorded`: completed under the root-cause start without a root cause (resolution counted from registration);
 * `xurrent_contact_advised`: a Top incident on the Xurrent Service outside office hours whose requester was told they may contact Xurrent directly (§2.1).
 */
export type Flag =
  'outside_standard_support' | 'forwarded_to_xurrent' | 'outside_sla' | 'no_root_cause_recorded' | 'xurrent_contact_advised';

export interface TriageInput {
  category: string | null | undefined;
  impact: string | null | undefined;
  serviceInstanceId: string | null | undefined;
  teamId: string | null | undefined;
}

export interface TriagePolicy {
  priorityRules: readonly PriorityRule[];
  /** Service instances that stand for Xurrent's own standard functionality. */
  xurrentServiceInstanceIds: readonly string[];
}

export type Triage =
  | { kind: 'incident'; priority: Priority | null; reason: string; flags: Flag[] }
  | { kind: 'rfi'; priority: null; reason: string; flags: Flag[] }
  | { kind: 'rfc'; priority: null; reason: string; flags: Flag[] }
  | { kind: 'other'; priority: null; reason: string; flags: Flag[] };

/**
 * Classifies a request by category: incidents get a priority from their impact (first matching
 * override rule wins, service-instance and team rules in the order given); requests for
 * information get no priority and no SLA; requests for change are outside standard support (one on
 * the Xurrent Service is forwarded to Xurrent when level 1 decides so, break-fix.ts). Other categories are left alone.
 * An incident without impact gets priority null (no clock until the impact is known).
 */
export function triageRequest(input: TriageInput, policy: TriagePolicy): Triage {
  switch (input.category) {
    case 'incident':
      return prioritiseIncident(input, policy);
    case 'rfi':
      return { kind: 'rfi', priority: null, reason: 'request for information: no priority and no SLA', flags: [] };
    case 'rfc': {
      // On the Xurrent Service an RFC waits for level 1's decision (§4); `forwarded_to_xurrent` is added once forwarded (plan-reconcile).
      const onXurrent = Boolean(input.serviceInstanceId && policy.xurrentServiceInstanceIds.includes(input.serviceInstanceId));
      return {
        kind: 'rfc',
        priority: null,
        reason: onXurrent
          ? 'request for change on the Xurrent Service: outside standard support; forwarded to Xurrent when about its standard functionality'
          : 'request for change: outside standard support',
        flags: ['outside_standard_support'],
      };
    }
    default:
      return { kind: 'other', priority: null, reason: `category ${input.category ?? 'none'} is not handled by the contract`, flags: [] };
  }
}

function prioritiseIncident(input: TriageInput, policy: TriagePolicy): Triage {
  if (!isImpact(input.impact)) return { kind: 'incident', priority: null, reason: 'incident without impact: priority unknown', flags: [] };
  const impact = input.impact;
  for (const rule of policy.priorityRules) {
    const applies = rule.scope === 'service_instance' ? rule.id === input.serviceInstanceId : rule.id === input.teamId;
    const override = applies ? (rule.impacts[impact] ?? rule.impacts['*']) : undefined;
    if (override) {
      return {
        kind: 'incident',
        priority: override,
        reason: `impact ${impact}, overridden by the ${rule.scope.replace('_', ' ')} rule for ${rule.id}`,
        flags: [],
      };
    }
  }
  return { kind: 'incident', priority: PRIORITY_OF_IMPACT[impact], reason: `impact ${impact} (${describeImpact(impact)})`, flags: [] };
}

function describeImpact(impact: Impact): string {
  return {
    top: 'service down for several users',
    high: 'service degraded for several users',
    medium: 'service down for one user',
    low: 'service degraded for one user',
  }[impact];
}
