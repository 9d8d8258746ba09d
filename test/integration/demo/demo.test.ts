import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `npm run demo` as a newcomer would, on the test Redis. */
function runDemo(args: readonly string[] = []): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main-demo.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: TEST_REDIS_URL },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('npm run demo', () => {
  it('ends with every delivery answered, one deadline per request and no alarming log line', async () => {
    const { code, out, err } = await runDemo();
    expect(code).toBe(0);
    const deliveries = /^Webhook deliveries: (.*)$/m.exec(out)?.[1] ?? '';
    expect(deliveries).toMatch(/request\.create → 202 ×3/);
    // A delivery still in flight used to print as `error`; the demo now waits for the echoes.
    expect(deliveries).not.toMatch(/error|pending/);
    // The simulator's own SLA rule is not shown beside the worker's due instants.
    expect(out).not.toMatch(/next target/);
    expect(out.match(/Response due:/g)).toHaveLength(3);
    // A new simulator world is no cold start, and a warning here would only alarm a newcomer.
    expect(err).not.toMatch(/cold start/);
    expect(err).toBe('');
  }, 60_000);

  it('answers --help with its usage and exit 0, an unknown flag with exit 2', async () => {
    const help = await runDemo(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--serve/);
    const bad = await runDemo(['--nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Usage: npm run --silent demo/);
  }, 60_000);
});
