import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../../helpers/run-cli.js';

async function configCheck(env: Record<string, string>) {
  return runCliCapture(['config', 'check'], env);
}

const xurrentOf = (out: string) => (JSON.parse(out) as { xurrent?: unknown }).xurrent;

describe('config check', () => {
  it('says how Xurrent is reached', async () => {
    expect(JSON.parse((await configCheck({})).out)).toEqual({ ok: true, env: 'development', xurrent: 'embedded simulator (npm start)' });
    expect(xurrentOf((await configCheck({ XURRENT_SIMULATOR: 'off' })).out)).toBe('not configured');
    expect(xurrentOf((await configCheck({ XURRENT_ACCOUNT: 'wdc', XURRENT_TOKEN: 'pat-x' })).out)).toBe('configured');
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
