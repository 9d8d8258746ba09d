import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { loadConfig, readEnvWithDotenv } from '../../config.js';
import type { SlaConfig } from '../../../schema/env/sla-config.js';
import { ConfigError } from '../../errors.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { createCalendarSource } from './calendar-source.js';
import type { FieldReader } from './input-fields.js';
import { answerJsonLines } from './json-lines.js';

const CALENDAR_FLAGS = ['timezone', 'hours', 'holidays'];

export interface BusinessTimeCommandSpec {
  path: readonly string[];
  summary: string;
  /** Input names, read from `--<name>` flags or from the fields of each JSON line. */
  inputs: readonly string[];
  answer(read: FieldReader, calendar: BusinessCalendar, sla: SlaConfig): object;
}

/**
 * A command over the configured calendar (loaded like the service does; a bad configuration
 * exits 2). With `--jsonl` it answers one JSON line per stdin line and exits 0 (flags given
 * too are defaults for each line); otherwise it answers its flags with one JSON line. `--timezone`, `--hours`, `--holidays` (or the same
 * fields per line) override the calendar.
 */
export function defineBusinessTimeCommand(spec: BusinessTimeCommandSpec): CliCommand {
  return {
    path: spec.path,
    summary: spec.summary,
    async run(args, io) {
      const flags = parseFlags(args, ['jsonl']);
      const known = new Set([...spec.inputs, ...CALENDAR_FLAGS, 'jsonl']);
      const unknown = [...flags.keys()].find((name) => !known.has(name));
      if (unknown) throw new UsageError(`Unknown flag --${unknown} (expected ${spec.inputs.map((i) => `--${i}`).join(', ')}, or --jsonl)`);
      const sla = loadSlaConfig(io.env);
      const calendarFor = createCalendarSource(sla.calendar);
      const answer = (read: FieldReader) => spec.answer(read, calendarFor(read), sla);
      const fromFlag = (name: string) => (name === 'jsonl' ? undefined : flags.get(name));
      if (flags.has('jsonl')) {
        // Flags given beside --jsonl are defaults for every line.
        await answerJsonLines(io, (readLine) => answer((name) => readLine(name) ?? fromFlag(name)));
        return 0;
      }
      io.stdout.write(`${JSON.stringify(answerOrUsageError(() => answer(fromFlag)))}\n`);
      return 0;
    },
  };
}

function loadSlaConfig(env: Record<string, string | undefined>): SlaConfig {
  try {
    return loadConfig(readEnvWithDotenv(env)).sla;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
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
