import { UsageError, type CliCommand, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { parseCommandArgs } from './parse-command-args.js';
import { commandUsage, programUsage } from './usage.js';

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';
const startsWith = (words: readonly string[], prefix: readonly string[]) => prefix.every((word, i) => words[i] === word);

/**
 * Finds the command whose words start the arguments and runs it. `--help`, `-h` and `help` (alone, before
 * a command's words, or after them) print usage on stdout and exit 0; unknown commands and flags exit 2
 * with the usage on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  if (isHelp(argv[0])) return help(argv.slice(1), io, commands);
  const command = commands.find((c) => startsWith(argv, c.path));
  if (!command) {
    // A group's words alone (`report`) or with --help list the group's commands.
    const group = longestGroup(argv, commands);
    if (group.length > 0 && argv.length === group.length + 1 && isHelp(argv[group.length])) {
      io.stdout.write(`${programUsage(commands, group)}\n`);
      return 0;
    }
    const problem =
      argv.length === 0
        ? ''
        : group.length === argv.length
          ? `"${group.join(' ')}" needs a command\n\n`
          : `Unknown command "${argv.join(' ')}"\n\n`;
    io.stderr.write(`${problem}${programUsage(commands, group)}\n`);
    return 2;
  }
  try {
    const parsed = parseCommandArgs(command, argv.slice(command.path.length));
    if (parsed.help) {
      io.stdout.write(`${commandUsage(command)}\n`);
      return 0;
    }
    return await command.run(parsed.values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${commandUsage(command)}\n`);
      return 2;
    }
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** `help`, `help <command words>`: the program's, a group's or a command's usage. */
function help(words: readonly string[], io: CliIo, commands: readonly CliCommand[]): number {
  const command = commands.find((c) => c.path.length === words.length && startsWith(words, c.path));
  if (command) {
    io.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }
  const group = longestGroup(words, commands);
  if (group.length === words.length) {
    io.stdout.write(`${programUsage(commands, group)}\n`);
    return 0;
  }
  io.stderr.write(`Unknown command "${words.join(' ')}"\n\n${programUsage(commands)}\n`);
  return 2;
}

/** The longest run of leading words that some command's path starts with (e.g. ['report']). */
function longestGroup(words: readonly string[], commands: readonly CliCommand[]): readonly string[] {
  let group: readonly string[] = [];
  for (let n = 1; n <= words.length; n += 1) {
    const prefix = words.slice(0, n);
    if (commands.some((c) => c.path.length > n && startsWith(c.path, prefix))) group = prefix;
    else break;
  }
  return group;
}
