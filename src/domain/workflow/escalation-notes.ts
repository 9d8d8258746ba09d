import type { EscalationStep } from '../escalation/ladder.js';
import type { FormatInstant } from '../notes/ticket-facts.js';
import type { Priority } from '../sla/sla-policy.js';

const LEVEL_TEXT = {
  warning: 'SLA warning',
  service_support_manager: 'Escalation level 1 (Service Support Manager)',
  cto: 'Escalation level 2 (CTO)',
} as const;

export interface EscalationContext {
  priority: Priority;
  dueAtMs: number | null;
  warningPercent: number;
  l2AfterPercent: number;
  /** Who is involved for this level (watcher or assignee), when configured. */
  person: { id: string; mode: 'watch' | 'assign' } | null;
}

/** The internal note for one step of the escalation ladder: level, reason, and who was involved. */
export function renderEscalationNote(step: EscalationStep, context: EscalationContext, format: FormatInstant, marker: string): string {
  const target = `${step.target} target of this ${context.priority} incident`;
  const reason =
    step.level === 'warning'
      ? `${context.warningPercent}% of the ${target} is used; it is due ${format(context.dueAtMs)}.`
      : step.level === 'service_support_manager'
        ? `the ${target} was breached (due ${format(context.dueAtMs)}).`
        : `the ${target} is exceeded by a further ${context.l2AfterPercent}% of its business time (due ${format(context.dueAtMs)}).`;
  const lines = [`${LEVEL_TEXT[step.level]}: ${reason}`];
  if (context.person) {
    lines.push(
      context.person.mode === 'assign' ? `Assigned to person ${context.person.id}.` : `Person ${context.person.id} added as watcher.`,
    );
  } else if (step.level !== 'warning') {
    lines.push('No person is configured for this level.');
  }
  lines.push(marker);
  return lines.join('\n');
}
