import { defineBusinessTimeCommand } from '../business-time/define-command.js';
import { parseInstantText } from '../business-time/instant-text.js';

/** `business-time between --from <ISO> --to <ISO>` → `{"seconds":n,"minutes":n}` (negative when --to is earlier). */
export const businessTimeBetweenCommand = defineBusinessTimeCommand({
  path: ['business-time', 'between'],
  summary: 'business time from --from to --to',
  inputs: ['from', 'to'],
  answer(read, calendar) {
    const ms = calendar.businessMillisBetween(parseInstantText(read('from'), 'from'), parseInstantText(read('to'), 'to'));
    return { seconds: ms / 1000, minutes: ms / 60_000 };
  },
});
