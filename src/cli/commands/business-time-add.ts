import { defineBusinessTimeCommand } from '../business-time/define-command.js';
import { readMinutesAsMillis } from '../business-time/input-fields.js';
import { formatInstant, parseInstantText } from '../business-time/instant-text.js';

/** `business-time add --start <ISO> --minutes <N>` → `{"due":"<ISO UTC>"}`. */
export const businessTimeAddCommand = defineBusinessTimeCommand({
  path: ['business-time', 'add'],
  summary: 'instant after --minutes of business time from --start',
  inputs: ['start', 'minutes'],
  answer(read, calendar) {
    const start = parseInstantText(read('start'), 'start');
    return { due: formatInstant(calendar.addBusinessMillis(start, readMinutesAsMillis(read, 'minutes'))) };
  },
});
