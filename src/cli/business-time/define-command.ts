import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { SlaConfig } from '../../../schema/env/sla.js';
import { defineCommand, UsageError, type CliCommand, type FlagSpec } from '../command.js';
import type { FieldReader } from './input-fields.js';

const CALENDAR_FLAGS = {
  timezone: { type: 'string', value: '<IANA zone>', description: 'override the support time zone', defaultText: 'SUPPORT_TIMEZONE' },
  hours: {
    type: 'string',
    value: '<hours>',
    description: 'override the support hours (SUPPORT_HOURS syntax, e.g. "Mon-Fri 08:30-17:30")',
    defaultText: 'SUPPORT_HOURS',
  },
  holidays: {
    type: 'string',
    value: '<list>',
    description: 'override the holidays: comma-separated dates and region codes',
    defaultText: 'SUPPORT_HOLIDAYS',
  },
  jsonl: { type: 'boolean', description: 'answer one JSON line per stdin line (flags given too are defaults for each line)' },
} as const satisfies Record<string, FlagSpec>;

export interface BusinessTimeCommandSpec {
  path: readonly string[];
  summary: string;
  /** Input names, read from `--<name>` flags or from the fields of each JSON line, with their help text. */
  inputs: Readonly<Record<string, { value: string; description: string }>>;
  notes?: readonly string[];
  answer(read: FieldReader, calendar: BusinessCalendar, sla: SlaConfig): object;
}

/**
 * A command over the configured calendar (loaded like the service does; a bad configuration
 * exits 2). With `--jsonl` it answers one JSON line per stdin line and exits 0 (flags given
 * too are defaults for each line); otherwise it answers its flags with one JSON line. `--timezone`, `--hours`, `--holidays` (or the same
 * fields per line) override the calendar.
 */
export function defineBusinessTimeCommand(spec: BusinessTimeCommandSpec): CliCommand {
  const inputFlags = Object.fromEntries(
    Object.entries(spec.inputs).map(([name, input]) => [name, { type: 'string', ...input } satisfies FlagSpec]),
  );
  return defineCommand({
    path: spec.path,
    summary: spec.summary,
    flags: { ...inputFlags, ...CALENDAR_FLAGS } as Record<string, FlagSpec>,
    ...(spec.notes ? { notes: spec.notes } : {}),
    async run(values, io) {
      const flags = values as Readonly<Record<string, string | boolean | undefined>>;
      // Loaded here, not at the top: `--help` and the other commands do not pay for the configuration schema.
      const [{ loadSlaConfig }, { createCalendarSource }, { answerJsonLines }] = await Promise.all([
        import('./load-sla-config.js'),
        import('./calendar-source.js'),
        import('./json-lines.js'),
      ]);
      const sla = loadSlaConfig(io.env);
      const calendarFor = createCalendarSource(sla.calendar);
      const answer = (read: FieldReader) => spec.answer(read, calendarFor(read), sla);
      const fromFlag = (name: string) => (name === 'jsonl' ? undefined : flags[name]);
      if (flags['jsonl'] === true) {
        // Flags given beside --jsonl are defaults for every line.
        await answerJsonLines(io, (readLine) => answer((name) => readLine(name) ?? fromFlag(name)));
        return 0;
      }
      io.stdout.write(`${JSON.stringify(answerOrUsageError(() => answer(fromFlag)))}\n`);
      return 0;
    },
  });
}

/** Domain range errors (e.g. an unbounded search) are bad input too. */
function answerOrUsageError(answer: () => object): object {
  try {
    return answer();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
