import { UsageError, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';

function usage(): string {
  return ['Usage: npm run --silent cli -- <command> [flags]', '', ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(28)} ${c.summary}`)].join('\n');
}

/** Finds the command whose words start the arguments and runs it; exit 2 on bad usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = COMMANDS.find((c) => c.path.every((word, i) => argv[i] === word));
  if (!command) {
    io.stderr.write(`${argv.length ? `Unknown command "${argv.join(' ')}"\n\n` : ''}${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.path.length), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
