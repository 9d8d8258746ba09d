import type { ResolutionClockStart, ResponseBy, SlaPolicy, SlaTargets } from '../sla/sla-policy.js';

/**
 * The contract settings a request is held to, fixed when the worker first registers it (§3: a
 * closed month's figures must not change when a setting changes later). Scope is kept as the
 * lists, not the verdict, so a service instance filled in later (e.g. after the ask for missing
 * details) is judged by the lists in force at registration.
 */
export interface DecidedRule {
  /** The IV Integratiedienst's service instances (`SLA_SERVICE_INSTANCE_IDS`); null: every instance but Xurrent's. */
  slaServiceInstanceIds: string[] | null;
  /** The Xurrent Service's instances, never in the section 3 SLA (§4). */
  xurrentServiceInstanceIds: string[];
  targets: SlaTargets;
  resolutionClockStart: ResolutionClockStart;
  responseBy: ResponseBy;
}

export interface SlaScope {
  slaServiceInstanceIds: readonly string[] | null;
  xurrentServiceInstanceIds: readonly string[];
}

/**
 * §3: the section 3 SLA applies only to the IV Integratiedienst. A request without a service
 * instance is in scope (the provider cannot show it is not); with `SLA_SERVICE_INSTANCE_IDS` set
 * only those instances are; unset, every instance except the Xurrent Service's.
 */
export function inSlaScope(serviceInstanceId: string | null, scope: SlaScope): boolean {
  if (serviceInstanceId === null) return true;
  if (scope.slaServiceInstanceIds !== null) return scope.slaServiceInstanceIds.includes(serviceInstanceId);
  return !scope.xurrentServiceInstanceIds.includes(serviceInstanceId);
}

/** The rule of today's settings, for a request registered now. */
export function currentRule(sla: SlaPolicy, scope: SlaScope): DecidedRule {
  return {
    slaServiceInstanceIds: scope.slaServiceInstanceIds === null ? null : [...scope.slaServiceInstanceIds],
    xurrentServiceInstanceIds: [...scope.xurrentServiceInstanceIds],
    targets: sla.targets,
    resolutionClockStart: sla.resolutionClockStart,
    responseBy: sla.responseBy ?? 'person',
  };
}

/**
 * How a request registered before rules were kept is read: as it was then (every instance in
 * scope, resolution from registration, any responding status change as the response), with the
 * targets of today (they were not kept; the contract's have not changed).
 */
export function legacyRule(sla: SlaPolicy): DecidedRule {
  return {
    slaServiceInstanceIds: null,
    xurrentServiceInstanceIds: [],
    targets: sla.targets,
    resolutionClockStart: 'created',
    responseBy: 'status',
  };
}

/**
 * The rule of a request: the kept one; for a state saved before rules were kept (observed, not
 * rebuilt) the legacy reading; otherwise (new, or rebuilt from Xurrent after a loss, whose
 * registration-time settings are unknown) today's.
 */
export function ruleOf(
  previous: { rule?: DecidedRule | undefined; observed: object | null; history?: object | undefined },
  sla: SlaPolicy,
  scope: SlaScope,
): DecidedRule {
  if (previous.rule) return previous.rule;
  if (previous.observed !== null && previous.history === undefined) return legacyRule(sla);
  return currentRule(sla, scope);
}

/** The SLA policy a request's clock runs under: its rule's targets and modes, today's warning threshold. */
export function policyOfRule(rule: DecidedRule, sla: SlaPolicy): SlaPolicy {
  return {
    targets: rule.targets,
    warningPercent: sla.warningPercent,
    resolutionClockStart: rule.resolutionClockStart,
    responseBy: rule.responseBy,
  };
}
