import type { CliIo } from './command.js';

/** Progress of long work: how many of how many are done (total null while not known). */
export interface Progress {
  update(done: number, total: number | null): void;
  /** The last figures, and the end of the bar's line. */
  finish(): void;
}

export interface ProgressOptions {
  /** What is being counted, e.g. "requests read from Xurrent". */
  label: string;
  now?: () => number;
  /** Least time between two renders: a bar redraws often, JSON lines at most once a second. */
  intervalMs?: number;
}

const BAR_WIDTH = 24;

/**
 * Progress on stderr, so stdout keeps only the command's output: a bar with count, rate and ETA
 * redrawn in place when stdout is a terminal (a person is watching), else one JSON line per interval
 * (`{"progress":…,"done":…,"total":…,"perSecond":…,"etaSeconds":…}`) for logs and tools.
 */
export function createProgress(io: Pick<CliIo, 'stdout' | 'stderr'>, { label, now = Date.now, intervalMs }: ProgressOptions): Progress {
  const tty = (io.stdout as { isTTY?: boolean }).isTTY === true;
  const every = intervalMs ?? (tty ? 100 : 1_000);
  const startedAt = now();
  let last = { done: 0, total: null as number | null };
  let renderedAt = Number.NEGATIVE_INFINITY;
  let rendered = false;

  const figures = () => {
    const seconds = (now() - startedAt) / 1000;
    const perSecond = seconds > 0 ? last.done / seconds : 0;
    const left = last.total === null ? null : Math.max(0, last.total - last.done);
    const etaSeconds = left === null || perSecond === 0 ? null : Math.round(left / perSecond);
    return { perSecond: Math.round(perSecond * 10) / 10, etaSeconds };
  };
  const render = () => {
    const { perSecond, etaSeconds } = figures();
    rendered = true;
    if (!tty) {
      io.stderr.write(`${JSON.stringify({ progress: label, done: last.done, total: last.total, perSecond, etaSeconds })}\n`);
      return;
    }
    const share = last.total ? Math.min(1, last.done / last.total) : 0;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = last.total === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
    const count = last.total === null ? `${last.done}` : `${last.done}/${last.total}`;
    io.stderr.write(`\r${bar}${count} ${label}, ${perSecond}/s, ETA ${etaSeconds === null ? '?' : clock(etaSeconds)}\x1b[K`);
  };
  return {
    update(done, total) {
      last = { done, total };
      if (now() - renderedAt < every) return;
      renderedAt = now();
      render();
    },
    finish() {
      render();
      if (tty && rendered) io.stderr.write('\n');
    },
  };
}

/** Seconds as m:ss or h:mm:ss. */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
