import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../../src/cli/progress.js';

function streams(tty: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { io: { stdout, stderr }, err: () => err };
}

describe('cli progress', () => {
  it('on a terminal redraws one bar with count, rate and ETA, and ends its line', () => {
    let now = 0;
    const { io, err } = streams(true);
    const progress = createProgress(io, { label: 'requests', now: () => now });
    now = 2_000;
    progress.update(50, 200); // 25/s, 150 left: 6 s
    expect(err()).toBe('\r[######------------------] 50/200 requests, 25/s, ETA 0:06\x1b[K');
    now = 2_050;
    progress.update(51, 200); // within 100 ms of the last draw: not redrawn
    expect(err().split('\r')).toHaveLength(2);
    now = 4_000;
    progress.update(200, 200);
    progress.finish();
    expect(err().endsWith('\r[########################] 200/200 requests, 50/s, ETA 0:00\x1b[K\n')).toBe(true);
  });

  it('when stdout is not a terminal, writes JSON lines at most once a second, and the last figures at the end', () => {
    let now = 0;
    const { io, err } = streams(false);
    const progress = createProgress(io, { label: 'requests', now: () => now });
    for (let done = 1; done <= 30; done += 1) {
      now = done * 100;
      progress.update(done, null);
    }
    progress.finish();
    const lines = err()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ progress: 'requests', done: 1, total: null, perSecond: 10, etaSeconds: null });
    expect(lines.map((l) => l['done'])).toEqual([1, 11, 21, 30]);
    expect(lines.at(-1)).toEqual({ progress: 'requests', done: 30, total: null, perSecond: 10, etaSeconds: null });
  });
});
