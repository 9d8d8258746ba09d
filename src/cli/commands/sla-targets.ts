import { computeSlaTargets } from '../../domain/sla/compute-sla-targets.js';
import { PRIORITIES } from '../../domain/sla/sla-policy.js';
import { defineBusinessTimeCommand } from '../business-time/define-command.js';
import { readChoice } from '../business-time/input-fields.js';
import { formatInstant, parseInstantText } from '../business-time/instant-text.js';

/** `sla targets --priority <p> --start <ISO>` → `{"priority","responseDue","resolutionDue"}` from SLA_TARGETS. */
export const slaTargetsCommand = defineBusinessTimeCommand({
  path: ['sla', 'targets'],
  summary: 'response and resolution due instants for --priority from --start',
  inputs: {
    priority: { value: `<${PRIORITIES.join('|')}>`, description: 'the priority' },
    start: { value: '<ISO instant>', description: 'when the clock starts, with Z or an offset' },
  },
  answer(read, calendar, sla) {
    const priority = readChoice(read, 'priority', PRIORITIES);
    const due = computeSlaTargets(priority, parseInstantText(read('start'), 'start'), calendar, sla.targets);
    return { priority, responseDue: formatInstant(due.responseDue), resolutionDue: formatInstant(due.resolutionDue) };
  },
});
