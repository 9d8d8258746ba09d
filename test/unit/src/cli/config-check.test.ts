import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/cli/run-cli.js';

async function configCheck(env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(['config', 'check'], { stdin: new PassThrough(), stdout, stderr, env });
  return { code, out, err };
}

describe('config check', () => {
  it('says how Xurrent is reached', async () => {
    expect(JSON.parse((await configCheck({})).out)).toEqual({ ok: true, env: 'development', xurrent: 'embedded simulator (npm start)' });
    expect(JSON.parse((await configCheck({ XURRENT_SIMULATOR: 'off' })).out).xurrent).toBe('not configured');
    expect(JSON.parse((await configCheck({ XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 'pat-x' })).out).xurrent).toBe('configured');
  });

  it('exits 1 naming the bad variables, not their values', async () => {
    const { code, err } = await configCheck({ PORT: 'nope', XURRENT_TOKEN: 'pat-secret' });
    expect(code).toBe(1);
    expect(err).toContain('PORT');
    expect(err).toContain('XURRENT_ACCOUNT');
    expect(err).not.toContain('nope');
    expect(err).not.toContain('pat-secret');
  });
});
