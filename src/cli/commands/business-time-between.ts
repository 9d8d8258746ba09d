import { defineBusinessTimeCommand } from '../business-time/define-command.js';
import { parseInstantText } from '../business-time/instant-text.js';

/** `business-time between --from <ISO> --to <ISO>` → `{"seconds":n,"minutes":n}` (negative when --to is earlier). */
export const businessTimeBetweenCommand = defineBusinessTimeCommand({
  path: ['business-time', 'between'],
  summary: 'business time from --from to --to',
  inputs: {
    from: { value: '<ISO instant>', description: 'start, with Z or an offset' },
    to: { value: '<ISO instant>', description: 'end, with Z or an offset' },
  },
  notes: ['Prints {"seconds":n,"minutes":n}, negative when --to is earlier than --from.'],
  answer(read, calendar) {
    const ms = calendar.businessMillisBetween(parseInstantText(read('from'), 'from'), parseInstantText(read('to'), 'to'));
    return { seconds: ms / 1000, minutes: ms / 60_000 };
  },
});
