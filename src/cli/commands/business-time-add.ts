import { defineBusinessTimeCommand } from '../business-time/define-command.js';
import { readMinutesAsMillis } from '../business-time/input-fields.js';
import { formatInstant, parseInstantText } from '../business-time/instant-text.js';

/** `business-time add --start <ISO> --minutes <N>` → `{"due":"<ISO UTC>"}`. */
export const businessTimeAddCommand = defineBusinessTimeCommand({
  path: ['business-time', 'add'],
  summary: 'instant after --minutes of business time from --start',
  inputs: {
    start: { value: '<ISO instant>', description: 'start, with Z or an offset (e.g. 2026-03-27T15:00:00Z)' },
    minutes: { value: '<N>', description: 'business minutes to add (decimals allowed)' },
  },
  notes: ['Prints {"due":"<ISO instant in UTC>"}.'],
  answer(read, calendar) {
    const start = parseInstantText(read('start'), 'start');
    return { due: formatInstant(calendar.addBusinessMillis(start, readMinutesAsMillis(read, 'minutes'))) };
  },
});
