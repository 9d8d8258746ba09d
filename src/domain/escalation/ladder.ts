/** The contract's escalation model: a warning, then the Service Support Manager, then the CTO. */
export type EscalationLevel = 'warning' | 'service_support_manager' | 'cto';
export type TargetKind = 'response' | 'resolution';

/** How far one SLA target's clock has run, in business milliseconds. */
export interface TargetProgress {
  target: TargetKind;
  /** Business time the target allows. */
  allowedMs: number;
  /** Business time used so far (paused time excluded). */
  elapsedMs: number;
  /** True once the target stopped (responded, or completed): nothing escalates any more. */
  stopped: boolean;
}

export interface LadderPolicy {
  /** SLA_WARNING_PERCENT: share of the target's business time after which a warning is noted. */
  warningPercent: number;
  /** ESCALATION_L2_AFTER_PERCENT: how far past the resolution target, as a share of it, the CTO is involved. */
  l2AfterPercent: number;
}

export interface EscalationStep {
  target: TargetKind;
  level: EscalationLevel;
  /** Business time used at which this step is due. */
  atElapsedMs: number;
  /** Stable key: each level happens once per request and target. */
  key: string;
}

/**
 * The steps of the ladder for one target, in order: warning at `warningPercent` of the allowed
 * business time, level 1 (Service Support Manager) at the breach, and for the resolution target
 * level 2 (CTO) once it is exceeded by a further `l2AfterPercent` of its business time.
 */
export function ladderSteps(target: TargetKind, allowedMs: number, policy: LadderPolicy): EscalationStep[] {
  const step = (level: EscalationLevel, atElapsedMs: number): EscalationStep => ({ target, level, atElapsedMs, key: `${target}:${level}` });
  const steps = [step('warning', Math.ceil((allowedMs * policy.warningPercent) / 100)), step('service_support_manager', allowedMs)];
  if (target === 'resolution') steps.push(step('cto', allowedMs + Math.ceil((allowedMs * policy.l2AfterPercent) / 100)));
  return steps;
}

/**
 * Steps whose threshold the running clock has reached and that have not happened yet (keys in
 * `done`). A breached target reached without its warning still gets the warning first, so the
 * ticket history reads in order. A stopped target escalates no further.
 */
export function dueEscalations(progress: readonly TargetProgress[], done: ReadonlySet<string>, policy: LadderPolicy): EscalationStep[] {
  return progress
    .filter((p) => !p.stopped)
    .flatMap((p) => ladderSteps(p.target, p.allowedMs, policy).filter((s) => p.elapsedMs >= s.atElapsedMs && !done.has(s.key)));
}

/** The next threshold still ahead of a running target, for scheduling its timer; undefined when none is left. */
export function nextEscalation(progress: TargetProgress, done: ReadonlySet<string>, policy: LadderPolicy): EscalationStep | undefined {
  if (progress.stopped) return undefined;
  return ladderSteps(progress.target, progress.allowedMs, policy).find((s) => s.atElapsedMs > progress.elapsedMs && !done.has(s.key));
}
