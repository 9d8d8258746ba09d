import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
/** Where the worker processes' own logs go (git-ignored): the fault tests make them log Redis outages by design. */
export const WORKER_LOG_DIR = fileURLToPath(new URL('../artifacts/worker-logs/', import.meta.url));

/**
 * Starts `worker-process.ts` in a child process and resolves once it says it is ready. Node loads tsx
 * itself (no `tsx` wrapper process), so the child's pid is the worker's: SIGKILL really kills it.
 * Its log (stderr) goes to a file under test/artifacts/worker-logs/, not into the test output.
 */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  mkdirSync(WORKER_LOG_DIR, { recursive: true });
  const log = openSync(`${WORKER_LOG_DIR}${env['PREFIX'] ?? 'worker'}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.log`, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { env, stdio: ['ignore', 'pipe', log] });
  closeSync(log); // the child holds its own copy
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  if (!chunk.toString().includes('ready')) throw new Error(`worker process did not start: ${chunk.toString()}`);
  return child;
}

/** SIGTERM to every child, resolved when all have exited. */
export async function stopWorkerProcesses(children: readonly ChildProcess[]): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.filter((child) => child.exitCode === null).map((child) => once(child, 'exit')));
}
