import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `npm run cli -- …` in-process with the given environment, capturing what it prints. */
export async function runCliCapture(argv: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli([...argv], { stdin: new PassThrough(), stdout, stderr, env: { ...env } });
  return { code, out, err };
}
