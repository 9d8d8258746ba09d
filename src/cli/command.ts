/** What a command gets: parsed arguments and the process's streams and environment, passed in for tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['business-time', 'add']. */
  path: readonly string[];
  summary: string;
  /** Resolves with the exit code: 0 success, 1 failure, 2 bad usage or input. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Bad usage or input: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--name value` and `--flag` pairs; positional words are refused. */
export function parseFlags(args: readonly string[], booleanFlags: readonly string[] = []): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (booleanFlags.includes(arg.slice(2))) {
      flags.set(arg.slice(2), true);
    } else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Flag ${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i += 1;
    }
  }
  return flags;
}
