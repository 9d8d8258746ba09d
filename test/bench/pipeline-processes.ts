import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const SERVICE = fileURLToPath(new URL('./pipeline-service.ts', import.meta.url));

/** Starts pipeline-service.ts (its ROLE from `env`) in a child process, resolved once it says it is ready. */
export async function startServiceProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // CPU_PROF=dir writes a V8 CPU profile of each service process there (node --cpu-prof), for finding hot spots.
  const profile = process.env['CPU_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['CPU_PROF']] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', SERVICE], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  if (!chunk.toString().includes('ready')) throw new Error(`bench process did not start: ${chunk.toString()}`);
  return child;
}
