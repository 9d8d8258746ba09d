import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SpawnedProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript entrypoint of the repo in a real Node process (through tsx), with only the given env. */
export function spawnEntrypoint(entry: string, env: Record<string, string>): SpawnedProcess {
  return spawnCommand(process.execPath, ['--import', 'tsx', entry], env);
}

/** Runs an npm script of the repo as a newcomer would (`npm start`), with only the given env. */
export function spawnNpm(script: string, env: Record<string, string>): SpawnedProcess {
  return spawnCommand('npm', ['run', '--silent', script], { HOME: process.env['HOME'] ?? '/root', ...env });
}

function spawnCommand(command: string, args: string[], env: Record<string, string>): SpawnedProcess {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}
