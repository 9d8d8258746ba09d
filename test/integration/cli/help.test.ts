import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands/index.js';
import { REPO_ROOT } from '../../helpers/spawn-service.js';
import { runCliCapture } from '../../helpers/run-cli.js';

const run = promisify(execFile);

/** `npm run --silent cli -- …` as an operator types it: exit code and output of the real process. */
async function npmCli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

describe('cli usage', () => {
  it('--help, -h and help on every command print its usage with every flag and its default, and exit 0', async () => {
    expect(COMMANDS.length).toBeGreaterThan(5);
    for (const command of COMMANDS) {
      for (const ask of [
        [...command.path, '--help'],
        [...command.path, '-h'],
        ['help', ...command.path],
      ]) {
        const { code, out, err } = await runCliCapture(ask, {});
        expect({ ask, code, err }).toEqual({ ask, code: 0, err: '' });
        expect(out).toContain(`Usage: xsw ${command.path.join(' ')}`);
        for (const [name, flag] of Object.entries(command.flags)) {
          expect(out, `${command.path.join(' ')} --${name}`).toContain(`--${name}`);
          const fallback = flag.defaultText ?? (flag.type === 'boolean' ? 'false' : flag.default);
          if (fallback !== undefined) expect(out, `default of --${name}`).toContain(`(default: ${fallback})`);
        }
      }
    }
  });

  it('--help, -h and help alone list every command and exit 0; a group lists its commands', async () => {
    for (const ask of [['--help'], ['-h'], ['help']]) {
      const { code, out } = await runCliCapture(ask, {});
      expect(code).toBe(0);
      for (const command of COMMANDS) expect(out).toContain(command.path.join(' '));
    }
    const group = await runCliCapture(['report', '--help'], {});
    expect(group.code).toBe(0);
    expect(group.out).toContain('report sla');
    expect(group.out).not.toContain('jobs stats');
  });

  it('unknown commands, unknown flags, stray words and a flag without its value exit 2 with the usage on stderr', async () => {
    expect(await runCliCapture(['frobnicate'], {})).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringMatching(/Unknown command "frobnicate"[\s\S]*Usage: xsw <command>/),
    });
    expect(await runCliCapture([], {})).toMatchObject({ code: 2, err: expect.stringContaining('Usage: xsw <command>') });
    expect(await runCliCapture(['report'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/"report" needs a command[\s\S]*report availability/),
    });
    expect(await runCliCapture(['resync', '--bogus'], {})).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringMatching(/^Unknown flag --bogus\n\nUsage: xsw resync/),
    });
    expect(await runCliCapture(['jobs', 'stats', 'extra'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unexpected argument extra/),
    });
    expect(await runCliCapture(['resync', '--since'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Option '--since <value>' argument missing/),
    });
    expect(await runCliCapture(['resync', '--wait=yes', '--since', 'P1D'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Option '--wait' does not take an argument/),
    });
  });

  it('the real entry (npm run --silent cli) exits 0 on --help and 2 on an unknown flag', async () => {
    const help = await npmCli(['resync', '--help']);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('--since <ISO instant|ISO duration>') });
    const unknown = await npmCli(['report', 'sla', '--bogus']);
    expect(unknown).toMatchObject({ code: 2, out: '', err: expect.stringContaining('Unknown flag --bogus') });
  });
});
