import type { CliCommand } from './command.js';

/** How the CLI is called: `xsw` where the package is installed (bin), `npm run --silent cli --` in a checkout. */
export const PROGRAM = 'xsw';

const HELP_FLAG = ['-h, --help', 'show this help and exit'] as const;

/** The top-level usage: every command with its summary (or only those under `group`, e.g. ['report']). */
export function programUsage(commands: readonly CliCommand[], group: readonly string[] = []): string {
  const shown = commands.filter((c) => group.every((word, i) => c.path[i] === word));
  const width = Math.max(...shown.map((c) => c.path.join(' ').length));
  return [
    `Usage: ${PROGRAM} ${group.length ? `${group.join(' ')} ` : ''}<command> [flags]`,
    `       (in a checkout: npm run --silent cli -- ${group.length ? `${group.join(' ')} ` : ''}<command> [flags])`,
    '',
    'Commands:',
    ...shown.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's flags and defaults.`,
  ].join('\n');
}

/** A command's usage: its flags with their values and defaults. */
export function commandUsage(command: CliCommand): string {
  const rows: (readonly [string, string])[] = Object.entries(command.flags).map(([name, spec]) => {
    const flag = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value ?? '<value>'}`;
    const fallback = spec.defaultText ?? (spec.type === 'boolean' ? 'false' : spec.default);
    return [flag, fallback === undefined ? spec.description : `${spec.description} (default: ${fallback})`];
  });
  rows.push(HELP_FLAG);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: ${PROGRAM} ${command.path.join(' ')}${Object.keys(command.flags).length ? ' [flags]' : ''}`,
    '',
    `${command.summary[0]?.toUpperCase() ?? ''}${command.summary.slice(1)}.`,
    '',
    'Flags:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(command.notes?.length ? ['', ...command.notes] : []),
  ].join('\n');
}
