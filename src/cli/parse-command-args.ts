import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliCommand } from './command.js';

export type ParsedCommandArgs = { help: true } | { help: false; values: Record<string, string | boolean | undefined> };

/** `--help`/`-h` anywhere before a `--` asks for the command's usage, whatever else is on the line. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * The command's flags through `node:util` parseArgs in strict mode: unknown flags, positional words,
 * a string flag without its value or a boolean flag given a value are usage errors. Booleans default to false.
 */
export function parseCommandArgs(command: CliCommand, args: readonly string[]): ParsedCommandArgs {
  if (asksForHelp(args)) return { help: true };
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(command.flags)) {
    options[name] =
      spec.type === 'boolean'
        ? { type: 'boolean', default: false }
        : { type: 'string', ...(spec.default !== undefined ? { default: spec.default } : {}) };
  }
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return { help: false, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    throw new UsageError(usageMessage(error), { cause: error });
  }
}

/** parseArgs' messages in the CLI's own words (`Unknown flag --x`), the rest as parseArgs says them. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown flag ${/'([^']+)'/.exec(message)?.[1] ?? message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `Unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? message}: this command takes only flags`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return message.split('\n')[0] ?? message;
  return message;
}
